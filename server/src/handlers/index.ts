import type { HandlerModule } from './handlerModule';
import { assistantHandlers } from './assistantHandlers';
import { baselineHandlers } from './baselineHandlers';
import { codeActionHandlers } from './codeActionHandlers';
import { completionHandlers } from './completionHandlers';
import { conversionHandlers } from './conversionHandlers';
import { rmmHandlers } from './rmmHandlers';
import { deployHandlers } from './deployHandlers';
import { detectionTestHandlers } from './detectionTestHandlers';
import { environmentHandlers } from './environmentHandlers';
import { liveSchemaHandlers } from './liveSchemaHandlers';
import { navigationHandlers } from './navigationHandlers';
import { queryHandlers } from './queryHandlers';
import { ruleHandlers } from './ruleHandlers';
import { schemaHandlers } from './schemaHandlers';
import { structureHandlers } from './structureHandlers';

/** Every handler module the server registers, in order. Add new feature modules here. */
export const HANDLER_MODULES: readonly HandlerModule[] = [
  environmentHandlers,
  queryHandlers,
  rmmHandlers,
  detectionTestHandlers,
  completionHandlers,
  navigationHandlers,
  structureHandlers,
  codeActionHandlers,
  ruleHandlers,
  schemaHandlers,
  liveSchemaHandlers,
  assistantHandlers,
  baselineHandlers,
  deployHandlers,
  conversionHandlers,
];
