import type { ClientCapabilities, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../serverContext';

/** A group of LSP handlers: the capabilities it announces and how it registers itself. */
export interface HandlerModule {
  readonly name: string;
  /** Called once at initialize, with what the client said it supports (and the whole request, for its options). */
  capabilities(client: ClientCapabilities, params?: InitializeParams): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}
