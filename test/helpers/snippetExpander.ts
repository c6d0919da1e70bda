import { randomUUID } from 'node:crypto';

/**
 * Expands VS Code / LSP snippet syntax into the text an editor inserts when the user accepts
 * every placeholder as it is: tab stops become their default (or nothing), choices their first
 * option, variables their value. Tests use it to check that snippet bodies are valid KQL and
 * YAML once inserted. It follows the grammar in the LSP specification ("Snippet Syntax"),
 * including escapes (`\$`, `\}`, `\\`, and `\,` `\|` inside choices) and transforms.
 */

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: Node[]; choices?: string[]; transform?: Transform }
  | { type: 'variable'; name: string; children?: Node[]; transform?: Transform };

interface Transform {
  regex: RegExp;
  format: FormatPart[];
}

type FormatPart = string | { group: number; modifier?: string; ifText?: string; elseText?: string };

export interface ExpandOptions {
  /** Values for variables; unset known ones get defaults (a fresh UUID, today's date, ...). */
  variables?: Record<string, string>;
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.nodes(() => false);
    if (this.pos < this.src.length) throw new Error(`unexpected '${this.src[this.pos]}' at ${this.pos}`);
    return nodes;
  }

  /** Nodes up to (not including) a position where `stop` is true; text collects escapes. */
  private nodes(stop: () => boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length && !stop()) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m || m.index !== this.pos) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private expect(s: string): void {
    if (!this.src.startsWith(s, this.pos))
      throw new Error(`expected '${s}' at ${this.pos} in ${JSON.stringify(this.src)}`);
    this.pos += s.length;
  }

  /** A `$`-construct at the current position, or undefined (and no move) when `$` is plain text. */
  private dollar(): Node | undefined {
    const start = this.pos;
    this.pos++;
    const int = this.match(/[0-9]+/y);
    if (int !== undefined) return { type: 'tabstop', index: Number(int) };
    const name = this.match(/[_a-zA-Z][_a-zA-Z0-9]*/y);
    if (name !== undefined) return { type: 'variable', name };
    if (this.src[this.pos] !== '{') {
      this.pos = start;
      return undefined;
    }
    this.pos++;
    const index = this.match(/[0-9]+/y);
    const varName = index === undefined ? this.match(/[_a-zA-Z][_a-zA-Z0-9]*/y) : undefined;
    if (index === undefined && varName === undefined) {
      this.pos = start;
      return undefined;
    }
    const base: Node =
      index !== undefined ? { type: 'tabstop', index: Number(index) } : { type: 'variable', name: varName! };
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return base;
    }
    if (next === ':') {
      this.pos++;
      base.children = this.nodes(() => this.src[this.pos] === '}');
      this.expect('}');
      return base;
    }
    if (next === '|' && base.type === 'tabstop') {
      this.pos++;
      base.choices = this.choices();
      this.expect('|}');
      return base;
    }
    if (next === '/') {
      base.transform = this.transform();
      this.expect('}');
      return base;
    }
    throw new Error(`bad snippet construct at ${start} in ${JSON.stringify(this.src)}`);
  }

  private choices(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        options.push(current);
        current = '';
        this.pos++;
        continue;
      }
      if (c === '|') {
        options.push(current);
        return options;
      }
      current += c;
      this.pos++;
    }
    throw new Error(`unterminated choice in ${JSON.stringify(this.src)}`);
  }

  /** Text up to an unescaped `/` outside `${...}`, keeping escapes other than `\/`. */
  private untilSlash(): string {
    let out = '';
    let depth = 0;
    while (this.pos < this.src.length && (this.src[this.pos] !== '/' || depth > 0)) {
      if (this.src[this.pos] === '\\' && this.src[this.pos + 1] === '/') {
        out += '/';
        this.pos += 2;
        continue;
      }
      if (this.src.startsWith('${', this.pos)) depth++;
      else if (this.src[this.pos] === '}' && depth > 0) depth--;
      out += this.src[this.pos++];
    }
    this.expect('/');
    return out;
  }

  private transform(): Transform {
    this.expect('/');
    const regex = this.untilSlash();
    const formatSrc = this.untilSlash();
    const options = this.match(/[a-z]*/y) ?? '';
    return { regex: new RegExp(regex, options), format: parseFormat(formatSrc) };
  }
}

function parseFormat(src: string): FormatPart[] {
  const parts: FormatPart[] = [];
  const re =
    /\$(\d+)|\$\{(\d+)(?::(\/upcase|\/downcase|\/capitalize|\/camelcase|\/pascalcase|\+([^}]*)|\?([^:}]*):([^}]*)|-?([^}]*)))?\}|\\(.)|([^$\\]+)|(\$)/g;
  for (const m of src.matchAll(re)) {
    if (m[1] !== undefined) parts.push({ group: Number(m[1]) });
    else if (m[2] !== undefined) {
      const spec = m[3];
      if (spec === undefined) parts.push({ group: Number(m[2]) });
      else if (spec.startsWith('/')) parts.push({ group: Number(m[2]), modifier: spec.slice(1) });
      else if (m[4] !== undefined) parts.push({ group: Number(m[2]), ifText: m[4] });
      else if (m[5] !== undefined) parts.push({ group: Number(m[2]), ifText: m[5], elseText: m[6] });
      else parts.push({ group: Number(m[2]), elseText: m[7] });
    } else parts.push(m[8] ?? m[9] ?? m[10]);
  }
  return parts;
}

function applyTransform(value: string, t: Transform): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    // The callback gets the match, the groups, then the numeric offset: the groups end there.
    const groups = args.slice(
      0,
      args.findIndex((a) => typeof a === 'number'),
    ) as (string | undefined)[];
    return t.format
      .map((p) => {
        if (typeof p === 'string') return p;
        const g = groups[p.group] ?? '';
        if (p.ifText !== undefined || p.elseText !== undefined)
          return g ? (p.ifText ?? g) : (p.elseText ?? '');
        switch (p.modifier) {
          case 'upcase':
            return g.toUpperCase();
          case 'downcase':
            return g.toLowerCase();
          case 'capitalize':
            return g.charAt(0).toUpperCase() + g.slice(1);
          case 'pascalcase':
            return g
              .split(/[-_\s]+/)
              .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
              .join('');
          case 'camelcase':
            return g
              .split(/[-_\s]+/)
              .map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1) : w))
              .join('');
          default:
            return g;
        }
      })
      .join('');
  });
}

function defaultVariables(): Record<string, string> {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    UUID: randomUUID(),
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: two(now.getMonth() + 1),
    CURRENT_DATE: two(now.getDate()),
    CURRENT_HOUR: two(now.getHours()),
    CURRENT_MINUTE: two(now.getMinutes()),
    CURRENT_SECOND: two(now.getSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
    RANDOM: String(Math.floor(Math.random() * 1e6)).padStart(6, '0'),
    RANDOM_HEX: Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .padStart(6, '0'),
    TM_SELECTED_TEXT: '',
    TM_CURRENT_LINE: '',
    TM_CURRENT_WORD: '',
    TM_FILENAME: 'untitled.kql',
    TM_FILENAME_BASE: 'untitled',
    CLIPBOARD: '',
    LINE_COMMENT: '//',
  };
}

/** The snippet's text with every placeholder at its default. */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(source).parse();
  const variables = { ...defaultVariables(), ...options.variables };
  // The first placeholder of an index with a default (or choices) gives every mirror its value.
  const defaults = new Map<number, string>();
  const render = (list: readonly Node[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'variable') {
          const known = variables[n.name];
          // An unknown variable is inserted as its name, as VS Code does; a known empty one takes the default.
          const value =
            known === undefined
              ? n.children
                ? render(n.children)
                : n.name
              : known || (n.children ? render(n.children) : '');
          return n.transform ? applyTransform(value, n.transform) : value;
        }
        if (!defaults.has(n.index)) {
          if (n.choices) defaults.set(n.index, n.choices[0] ?? '');
          else if (n.children) defaults.set(n.index, render(n.children));
        }
        const value = defaults.get(n.index) ?? '';
        return n.transform ? applyTransform(value, n.transform) : value;
      })
      .join('');
  // Defaults may appear after their first mirror: one pass collects them, the second renders.
  render(nodes);
  return render(nodes);
}
