import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';

/** A group of LSP handlers: the capabilities it announces and how it registers itself. */
export interface HandlerModule {
  readonly name: string;
  /** Called once at initialize, with what the client said it supports. */
  capabilities(client: ClientCapabilities): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}
