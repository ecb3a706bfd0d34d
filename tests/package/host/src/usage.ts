// Type checks of the declarations (compiled with tsc, never run): what a
// host may write compiles, and the mistakes marked @ts-expect-error are
// refused. If a declaration is loosened (say to `any`), the directive
// has nothing to expect and tsc fails.
import {
  analyze,
  mount,
  type Cell,
  type FactGridAttributes,
  type FactGridElement,
  type FactGridReportEvent,
  type MountOptions,
  type Report,
  type Stance,
} from 'factgrid';

export async function usage(box: HTMLElement): Promise<void> {
  // The element: in the tag-name maps, with its event on the element, the
  // document and the window.
  const created: FactGridElement = document.createElement('fact-grid');
  created.setAttribute('theme', 'dark');
  const found: FactGridElement | null = document.querySelector('fact-grid');
  found?.addEventListener('factgrid-report', (event) => {
    const cells: Cell[] = event.detail.cells;
    console.log(cells.length);
  });
  document.addEventListener('factgrid-report', (event: FactGridReportEvent) => {
    const schema: 'factgrid.report/1' = event.detail.schema;
    console.log(schema);
  });
  window.addEventListener('factgrid-report', (event) => console.log(event.detail.notices));
  const attributes: FactGridAttributes = { for: '#article', theme: 'light', readonly: true };
  console.log(attributes);

  // The API.
  const options: MountOptions = {
    text: 'Moscow rejected the truce.',
    profile: { parties: [], topics: [] },
    panels: ['input', 'grid', 'article', 'figures'],
    theme: 'auto',
    readonly: false,
    persist: false,
    onReport: (report) => console.log(report.stats.sentences),
  };
  const handle = await mount(box, options);
  handle.setText('Kyiv accepted the plan.');
  handle.update({ theme: 'dark', profile: null });
  handle.update({ profile: '{"parties": []}' });
  handle.destroy();

  const report: Report = await analyze('Moscow rejected the truce.', '{"parties": []}');
  for (const cell of report.cells) {
    const stance: Stance = cell.stance;
    for (const e of cell.evidence) {
      const own: Stance | null = e.stance;
      const start: number | undefined = e.speaker_span?.start;
      console.log(stance, own, start, e.speaker?.toUpperCase(), e.quote?.end);
    }
  }
  for (const f of report.figures) console.log(f.text, f.topic ?? '-', f.source ?? '-');
  for (const m of report.mentions) console.log(m.kind === 'pronoun', m.span.start);
  for (const s of report.sentences) console.log(s.kind === 'list_item', s.parties.join());

  // Mistakes the types refuse.
  // @ts-expect-error: not a theme
  await mount(box, { theme: 'blue' });
  // @ts-expect-error: not a panel
  await mount(box, { panels: ['graph'] });
  // @ts-expect-error: the text is a string
  handle.setText(42);
  // @ts-expect-error: an element, not a selector
  await mount('#box');
  // @ts-expect-error: no such option
  await mount(box, { colour: 'red' });
  // @ts-expect-error: analyze resolves to a report, not a string
  const notText: string = await analyze('x');
  // @ts-expect-error: the speaker may be missing
  console.log(report.cells[0]!.evidence[0]!.speaker.length, notText);
  // @ts-expect-error: only the eight stance labels
  const unknownStance: Stance = 'maybe';
  // @ts-expect-error: the event carries a report
  document.addEventListener('factgrid-report', (event) => event.detail.nope);
  // @ts-expect-error: attributes are strings, not a profile object
  const objectProfile: FactGridAttributes = { profile: { parties: [] } };
  console.log(unknownStance, objectProfile, created);
}
