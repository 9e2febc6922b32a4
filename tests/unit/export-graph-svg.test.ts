import { renderGraphSvg } from '../../core/export/graph-svg';

describe('renderGraphSvg', () => {
  const graph = {
    nodes: [
      { id: 'a', type: 'account', label: 'a<b>' },
      { id: 'b', type: 'account', label: 'b' },
      { id: 'device:~1', type: 'device', label: 'd"1' },
    ],
    edges: [
      { source: 'a', target: 'device:~1', type: 'uses' as const },
      { source: 'b', target: 'device:~1', type: 'uses' as const },
      { source: 'a', target: 'b', type: 'pays' as const },
    ],
    capped: false,
  };

  it('is deterministic, escapes labels and draws every node and edge', () => {
    const svg = renderGraphSvg(graph);
    expect(renderGraphSvg(graph)).toBe(svg);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(svg.match(/marker-end="url\(#arrow\)"/g)).toHaveLength(1);
    expect(svg).toContain('>a&lt;b&gt;</text>');
    expect(svg).toContain('<title>device: d&quot;1</title>');
    expect(svg).not.toContain('<b>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 640"')).toBe(
      true,
    );
  });
});
