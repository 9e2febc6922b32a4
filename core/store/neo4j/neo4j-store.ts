// PLACEHOLDER: replaced by the Neo4j adapter (issue 4).
import type { Config } from '../../config';
import type { GraphStore } from '../port';
import { ConfigError } from '../../errors';

export async function openNeo4jStore(_config: Config): Promise<GraphStore> {
  throw new ConfigError('fraud-rings: the Neo4j adapter is not built yet');
}
