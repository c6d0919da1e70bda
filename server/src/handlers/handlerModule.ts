import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';

/** A group of LSP handlers: the capabilities it announces and how it registers itself. */
export interface HandlerModule {
  readonly name: string;
  capabilities(): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}
