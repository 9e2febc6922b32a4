export {
  generateDataset,
  defaultRingCount,
  timeWindowFor,
  GENERATE_LIMITS,
} from './generate-dataset';
export type { GenerateOptions, GenerateProgress, GenerateResult } from './generate-dataset';
export { RING_KINDS, type RingKind } from './ring-kind';
