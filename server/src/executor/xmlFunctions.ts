import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { ScalarFunction } from './scalarFunctions';

/**
 * parse_xml (parse-xml-function.md): XML to a dynamic value by the page's rules. An element becomes
 * a property named for it; its attributes are `@name` properties, its text `#text`, and children
 * of one name repeated become an array. An element with only text is that text (a string: XML has
 * no numbers). `<e/>` is null; an element written open and closed with nothing inside is the
 * empty string, as the JSON converter Kusto's rules follow writes it. Only elements, attributes
 * and text are translated (comments and processing instructions are skipped), and text is
 * trimmed. Text that is not well-formed XML, or longer than 1 MB, is null. The page does not say
 * whether a CDATA section counts as text, so one is refused by name rather than guessed.
 */

const MAX_XML_LENGTH = 1_048_576;

interface Frame {
  name: string;
  selfClosing: boolean;
  /** Properties in document order: attributes first, then children and text as they appear. */
  props: Map<string, unknown[]>;
  hasAttributes: boolean;
}

function add(frame: Frame, key: string, value: unknown): void {
  const list = frame.props.get(key);
  if (list) list.push(value);
  else frame.props.set(key, [value]);
}

function valueOf(frame: Frame): unknown {
  const { props } = frame;
  if (props.size === 0) return frame.selfClosing ? null : '';
  const text = props.get('#text');
  if (props.size === 1 && text?.length === 1 && !frame.hasAttributes) return text[0];
  const out: Record<string, unknown> = {};
  for (const [key, values] of props) out[key] = values.length === 1 ? values[0] : values;
  return out;
}

export function parseXml(text: string): unknown {
  if (text.length > MAX_XML_LENGTH) return null;
  const parser = new SaxesParser();
  const stack: Frame[] = [];
  let root: { name: string; value: unknown } | undefined;
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const frame: Frame = {
      name: tag.name,
      selfClosing: tag.isSelfClosing,
      props: new Map(),
      hasAttributes: false,
    };
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
      add(frame, `@${name}`, value);
      frame.hasAttributes = true;
    }
    stack.push(frame);
  });
  parser.on('text', (t: string) => {
    const trimmed = t.trim();
    if (trimmed && stack.length) add(stack[stack.length - 1], '#text', trimmed);
  });
  parser.on('cdata', () => {
    throw new UnsupportedError('parse_xml() of XML with a CDATA section');
  });
  parser.on('closetag', () => {
    const frame = stack.pop()!;
    const value = valueOf(frame);
    if (stack.length) add(stack[stack.length - 1], frame.name, value);
    else root = { name: frame.name, value };
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof UnsupportedError) throw e;
    return null;
  }
  if (failed || !root) return null;
  return { [root.name]: root.value };
}

export const XML_FUNCTIONS: Record<string, ScalarFunction> = {
  parse_xml: (c) => (c.args[0] === null ? null : parseXml(argString(c, 0))),
};
