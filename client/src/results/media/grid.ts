import type { ResultTable } from '../../../../server/src/protocol/queryRun';
import { formatValue, isExpandable, rowAsText } from '../../../../server/src/protocol/resultText';
import { nextSort, rowWindow, visibleRows, type SortState } from '../gridModel';

/**
 * A virtualised grid: only the rows in view (plus a few) exist in the page, so 100,000 rows
 * scroll as smoothly as ten. Every value goes in with `textContent`, never as markup.
 */
const ROW_HEIGHT = 22;
const MIN_WIDTH = 48;
/** A column starts wide enough for its heading and first values, up to this; the user can widen it. */
const MAX_WIDTH = 480;
/** The cell's padding and border, from results.css. */
const CELL_PADDING = 14;

let measuredCharWidth: number | undefined;

/**
 * The width of one character of the editor font the grid uses, measured once: a guessed width
 * cut off timestamps and long names in the default font (an ISO datetime lost its last six characters).
 */
function charWidth(): number {
  if (measuredCharWidth) return measuredCharWidth;
  const style = getComputedStyle(document.body);
  const family = style.getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
  const size = style.getPropertyValue('--vscode-editor-font-size').trim() || '13px';
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return 8;
  context.font = `${size} ${family}`;
  measuredCharWidth =
    context.measureText('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ').width / 62 || 8;
  return measuredCharWidth;
}

export interface GridCallbacks {
  copy(text: string): void;
  expand(title: string, value: unknown): void;
  countChanged(shown: number, total: number): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class Grid {
  readonly element: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private widths: number[];
  private order: number[] = [];
  private sort: SortState | undefined;
  private filter = '';
  private selected: { row: number; column: number } | undefined;
  private frame = 0;

  constructor(
    private readonly table: ResultTable,
    private readonly callbacks: GridCallbacks,
  ) {
    const char = charWidth();
    this.widths = table.columns.map((c, i) => {
      // The heading is bold and has the sort mark beside it; values are measured on the first rows.
      const heading = (c.name.length + 2) * char * 1.1;
      const values =
        table.rows.slice(0, 50).reduce((w, r) => Math.max(w, formatValue(r[i]).length), 0) * char;
      return Math.ceil(Math.min(Math.max(heading, values) + CELL_PADDING, MAX_WIDTH));
    });
    this.element = el('div', 'grid');
    this.element.tabIndex = 0;
    this.header = el('div', 'grid-header');
    this.body = el('div', 'grid-body');
    this.element.append(this.header, this.body);
    this.element.addEventListener('scroll', () => this.schedule());
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    // One listener for all cells: the rows are rebuilt on every scroll frame, and listeners per cell would be rebuilt with them.
    this.body.addEventListener('click', (e) => {
      const at = this.cellAt(e.target);
      if (!at) return;
      this.selected = at;
      // Marked in place: rebuilding the rows here would take the clicked cell out of the page,
      // and Chromium sends the double-click that may follow to that detached cell, never to the body.
      this.body.querySelector('.grid-cell.selected')?.classList.remove('selected');
      (e.target as Element).closest('.grid-cell')?.classList.add('selected');
    });
    this.body.addEventListener('dblclick', (e) => {
      const at = this.cellAt(e.target);
      if (!at) return;
      const col = this.table.columns[at.column];
      const value = this.table.rows[at.row][at.column];
      if (isExpandable(value, col)) this.callbacks.expand(`${col.name}, row ${at.row + 1}`, value);
    });
    new ResizeObserver(() => this.schedule()).observe(this.element);
    this.buildHeader();
    this.refilter();
  }

  setFilter(text: string): void {
    this.filter = text;
    this.refilter();
  }

  /** The selected row's text, tab-separated, or undefined. */
  selectedRowText(): string | undefined {
    return this.selected ? rowAsText(this.table.rows[this.selected.row], this.table.columns) : undefined;
  }

  selectedCellText(): string | undefined {
    return this.selected ? formatValue(this.table.rows[this.selected.row][this.selected.column]) : undefined;
  }

  /** The row and column of the cell an event happened in, from the data attributes render() sets. */
  private cellAt(target: EventTarget | null): { row: number; column: number } | undefined {
    const cell = target instanceof Element ? target.closest<HTMLElement>('.grid-cell') : null;
    const row = Number(cell?.parentElement?.dataset.row);
    const column = Number(cell?.dataset.column);
    return Number.isInteger(row) &&
      Number.isInteger(column) &&
      this.table.rows[row] &&
      column < this.table.columns.length
      ? { row, column }
      : undefined;
  }

  private refilter(): void {
    this.order = visibleRows(this.table, this.filter, this.sort);
    this.body.style.height = `${this.order.length * ROW_HEIGHT}px`;
    this.callbacks.countChanged(this.order.length, this.table.rows.length);
    this.render();
  }

  private totalWidth(): number {
    return this.widths.reduce((a, b) => a + b, 0);
  }

  private buildHeader(): void {
    const cells = this.table.columns.map((col, i) => {
      const cell = el('div', 'grid-cell grid-head');
      cell.style.width = `${this.widths[i]}px`;
      cell.title = `${col.name}: ${col.type}`;
      const label = el('span', 'grid-head-label', col.name);
      const arrow = el(
        'span',
        'grid-sort',
        this.sort?.column === i ? (this.sort.descending ? '▼' : '▲') : '',
      );
      const handle = el('span', 'grid-resize');
      handle.addEventListener('mousedown', (e) => this.startResize(e, i));
      handle.addEventListener('click', (e) => e.stopPropagation());
      cell.append(label, arrow, handle);
      cell.addEventListener('click', () => {
        this.sort = nextSort(this.sort, i);
        this.buildHeader();
        this.refilter();
      });
      return cell;
    });
    this.header.replaceChildren(...cells);
    this.header.style.width = `${this.totalWidth()}px`;
  }

  private startResize(e: MouseEvent, column: number): void {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startWidth = this.widths[column];
    const move = (m: MouseEvent) => {
      this.widths[column] = Math.max(MIN_WIDTH, startWidth + m.clientX - startX);
      this.buildHeader();
      this.render();
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const headerHeight = this.header.offsetHeight;
    const { first, last } = rowWindow(
      Math.max(0, this.element.scrollTop - headerHeight),
      this.element.clientHeight,
      ROW_HEIGHT,
      this.order.length,
    );
    const width = this.totalWidth();
    this.body.style.width = `${width}px`;
    const rows: HTMLElement[] = [];
    for (let position = first; position < last; position++) {
      const index = this.order[position];
      const values = this.table.rows[index];
      const row = el('div', position % 2 ? 'grid-row odd' : 'grid-row');
      row.style.top = `${position * ROW_HEIGHT}px`;
      row.style.width = `${width}px`;
      row.dataset.row = String(index);
      this.table.columns.forEach((col, c) => {
        const value = values[c];
        const text = formatValue(value);
        const cell = el('div', 'grid-cell', text.length > 500 ? `${text.slice(0, 500)}…` : text);
        cell.style.width = `${this.widths[c]}px`;
        cell.dataset.column = String(c);
        if (value === null || value === undefined) cell.classList.add('null');
        if (isExpandable(value, col)) cell.classList.add('expandable');
        if (this.selected?.row === index && this.selected.column === c) cell.classList.add('selected');
        row.append(cell);
      });
      rows.push(row);
    }
    this.body.replaceChildren(...rows);
  }

  private onKey(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'c') return;
    const text = e.shiftKey ? this.selectedRowText() : this.selectedCellText();
    if (text !== undefined) {
      e.preventDefault();
      this.callbacks.copy(text);
    }
  }
}
