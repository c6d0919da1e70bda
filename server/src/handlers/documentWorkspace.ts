import type { TextDocument } from 'vscode-languageserver-textdocument';
import { workspacePin } from '../protocol/workspaces';

/**
 * Which workspace a document runs on, and so whose live schema it is checked against: its
 * `kql-workspace:` pin, else the active workspace the client last reported, else the first
 * configured workspace (the client's own rule when nothing was picked yet, and the command
 * line's). The client reports the active workspace because only it remembers the user's pick.
 */
export class DocumentWorkspaces {
  private active: string | undefined;
  private firstConfigured: string | undefined;

  /** Returns whether the choice for unpinned documents changed. */
  setActive(name: string | undefined): boolean {
    const before = this.fallback();
    this.active = name;
    return this.fallback() !== before;
  }

  /** Returns whether the choice for unpinned documents changed. */
  setFirstConfigured(name: string | undefined): boolean {
    const before = this.fallback();
    this.firstConfigured = name;
    return this.fallback() !== before;
  }

  of(document: TextDocument): string | undefined {
    return workspacePin(document.getText()) ?? this.fallback();
  }

  private fallback(): string | undefined {
    return this.active ?? this.firstConfigured;
  }
}
