import {
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * The --stdio transport, with one change from vscode-languageserver's own: a message it cannot
 * read (a malformed or missing Content-Length, a body that is not JSON) ends the process with a
 * line on stderr. The library reports such an error and then stops reading, so the server would
 * sit silent until stdin closed; exiting lets the client see the failure and restart it.
 */
export function stdioTransport(shutdownReceived: () => boolean): [MessageReader, MessageWriter] {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    const reason = error.message.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 300);
    process.stderr.write(
      `kql-language-server: cannot read a message from the client (${reason}); exiting so that the client can restart the server.\n`,
    );
    process.exit(1);
  });
  // The library's stdio handling exits when the client goes away; a reader given to it does not.
  reader.onClose(() => process.exit(shutdownReceived() ? 0 : 1));
  return [reader, writer];
}
