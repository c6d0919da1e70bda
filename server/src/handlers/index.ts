import type { HandlerModule } from './handlerModule';
import { detectionHandlers } from './detectionHandlers';
import { environmentHandlers } from './environmentHandlers';
import { queryHandlers } from './queryHandlers';

/** Every handler module the server registers, in order. Add new feature modules here. */
export const HANDLER_MODULES: readonly HandlerModule[] = [
  environmentHandlers,
  detectionHandlers,
  queryHandlers,
];
