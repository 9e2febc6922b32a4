import { exportFilename, parseExportFormat } from '../../core/export/render-case-export';
import { InvalidInputError } from '../../core/errors';

describe('exportFilename', () => {
  it('keeps plain ids and percent-encodes everything else, so distinct ids never share a file', () => {
    expect(exportFilename('case-123_ab', 'csv')).toBe('case-case-123_ab.csv');
    expect(exportFilename('../etc/passwd', 'json')).toBe('case-%2E%2E%2Fetc%2Fpasswd.json');
    expect(exportFilename('a/b', 'html')).not.toBe(exportFilename('a_b', 'html'));
    expect(exportFilename('é "x"', 'csv')).toBe('case-%C3%A9%20%22x%22.csv');
  });

  it('cuts very long ids and keeps them distinct with a digest', () => {
    const a = exportFilename(`${'x'.repeat(200)}a`, 'json');
    const b = exportFilename(`${'x'.repeat(200)}b`, 'json');
    expect(a).toMatch(/^case-x{100}~[0-9a-f]{16}\.json$/);
    expect(a).not.toBe(b);
  });
});

describe('parseExportFormat', () => {
  it('accepts csv, json and html and refuses the rest with INVALID_FORMAT', () => {
    expect(['csv', 'json', 'html'].map(parseExportFormat)).toEqual(['csv', 'json', 'html']);
    expect(() => parseExportFormat('xml')).toThrow(InvalidInputError);
    expect(() => parseExportFormat('CSV')).toThrow(/unknown export format "CSV"/);
  });
});
