// The README's React usage, type-checked (never bundled: React itself is
// not installed, only its types): <fact-grid> in JSX with its attributes,
// and the factgrid-report event through a ref.
import { useEffect, useRef, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import 'factgrid';
import type { FactGridAttributes, FactGridElement, Report } from 'factgrid';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fact-grid': DetailedHTMLProps<HTMLAttributes<FactGridElement>, FactGridElement> & FactGridAttributes;
    }
  }
}

export function PositionGrid({ text, onReport }: { text: string; onReport: (report: Report) => void }) {
  const ref = useRef<FactGridElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const listener = (event: CustomEvent<Report>) => onReport(event.detail);
    element.addEventListener('factgrid-report', listener);
    return () => element.removeEventListener('factgrid-report', listener);
  }, [onReport]);
  return <fact-grid ref={ref} text={text} theme="dark" />;
}

export function ArticleGrid() {
  // @ts-expect-error: not a theme
  const wrong = <fact-grid theme="blue" />;
  return (
    <aside>
      <fact-grid for="#article" readonly />
      {wrong}
    </aside>
  );
}
