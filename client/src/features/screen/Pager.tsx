import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { pageOf, pageSeconds, paginate, type PageItem } from './paging';

/**
 * A part of the big screen that never hides what does not fit: its blocks (`data-page-item`,
 * in reading order) are shown a page at a time, each page long enough to read, then the next.
 * A page only holds whole blocks, so nothing is ever shown cut off. A presenter's clicker (Page
 * Down / Page Up, or the arrow keys) turns the pages by hand. When all fits, it is one page and
 * nothing moves.
 */
export function Pager({ children, className = '', testId }: { children: ReactNode; className?: string; testId?: string }) {
  const t = useT();
  const windowRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{ starts: number[]; tops: number[]; key: string }>({ starts: [0], tops: [0], key: '' });
  const [page, setPage] = useState(0);
  const pages = Math.max(1, layout.starts.length);
  const shown = Math.min(page, pages - 1);

  // Where the pages break: measured from the real layout, again whenever a size changes.
  useLayoutEffect(() => {
    const win = windowRef.current;
    const content = contentRef.current;
    if (!win || !content) return;
    const measure = () => {
      const els = [...content.querySelectorAll<HTMLElement>('[data-page-item]')];
      const items: PageItem[] = els.map((el) => {
        const top = offsetWithin(el, content);
        return { top, bottom: top + el.offsetHeight, keepWithNext: el.hasAttribute('data-keep-with-next') };
      });
      const starts = paginate(items, win.clientHeight);
      const tops = items.map((i) => i.top);
      const key = `${win.clientHeight}|${starts.join(',')}|${tops.map(Math.round).join(',')}`;
      setLayout((old) => (old.key === key ? old : { starts: starts.length ? starts : [0], tops, key }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(win);
    observer.observe(content);
    void document.fonts?.ready.then(measure);
    return () => observer.disconnect();
  }, []);

  // Show only the blocks of this page; those before and after stay in place, invisible.
  useLayoutEffect(() => {
    const content = contentRef.current;
    if (!content) return;
    const els = [...content.querySelectorAll<HTMLElement>('[data-page-item]')];
    els.forEach((el, i) => {
      const on = pageOf(layout.starts, i) === shown;
      if (on) el.removeAttribute('data-off');
      else el.setAttribute('data-off', '');
    });
    const top = layout.tops[layout.starts[shown] ?? 0] ?? 0;
    content.style.transform = top ? `translateY(${-top}px)` : '';
  });

  // The next page once this one has been up long enough to read.
  useEffect(() => {
    if (pages < 2) return;
    const content = contentRef.current;
    const text = [...(content?.querySelectorAll<HTMLElement>('[data-page-item]:not([data-off])') ?? [])].map((el) => el.textContent ?? '').join(' ');
    const id = setTimeout(() => setPage((p) => (Math.min(p, pages - 1) + 1) % pages), pageSeconds(text) * 1000);
    return () => clearTimeout(id);
  }, [shown, pages, layout]);

  // A clicker in the facilitator's hand turns the pages.
  useEffect(() => {
    if (pages < 2) return;
    const onKey = (e: KeyboardEvent) => {
      const step = { PageDown: 1, ArrowDown: 1, ArrowRight: 1, ' ': 1, PageUp: -1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
      if (!step || e.target instanceof HTMLInputElement) return;
      e.preventDefault();
      setPage((p) => (Math.min(p, pages - 1) + step + pages) % pages);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages]);

  return (
    <div className={`pager ${className}`.trim()} data-testid={testId} data-page={shown} data-pages={pages}>
      <div className="pager-window" ref={windowRef}>
        <div className="pager-content" ref={contentRef}>
          {children}
        </div>
      </div>
      {pages > 1 && (
        <p className="pager-dots">
          <span className="visually-hidden">{t('screen.page', { n: shown + 1, total: pages })}</span>
          {Array.from({ length: pages }, (_, i) => (
            <span key={i} className={`pager-dot${i === shown ? ' is-current' : ''}`} aria-hidden="true" />
          ))}
          <span className="pager-count" aria-hidden="true">
            {shown + 1}/{pages}
          </span>
        </p>
      )}
    </div>
  );
}

/**
 * How far below the top of `container` an element lies, from the layout alone: an entrance
 * animation or a slight tilt (transforms) must not move where a page breaks.
 */
function offsetWithin(el: HTMLElement, container: HTMLElement): number {
  let top = 0;
  let node: HTMLElement | null = el;
  while (node && node !== container) {
    top += node.offsetTop;
    node = node.offsetParent as HTMLElement | null;
  }
  return node === container ? top : el.getBoundingClientRect().top - container.getBoundingClientRect().top;
}
