// A host page's script as a newsroom developer writes it after
// `npm install factgrid`: importing the package defines <fact-grid> (used
// in index.html), mount() puts a second widget in #second, and every
// report reaches the page through the factgrid-report event.
import { analyze, mount, type FactGridHandle, type Report } from 'factgrid';

declare global {
  interface Window {
    /** What the test reads and drives. */
    host: {
      events: Report[];
      secondReports: Report[];
      second: FactGridHandle;
      analyze: typeof analyze;
      mount: typeof mount;
    };
  }
}

const events: Report[] = [];
document.addEventListener('factgrid-report', (event) => {
  events.push(event.detail);
});

const secondReports: Report[] = [];
const target = document.querySelector('#second');
if (!target) throw new Error('#second is missing');
const second = await mount(target, {
  text: 'Kyiv will never give up occupied land, Foreign Minister Andrii Sybiha said.',
  panels: ['grid', 'figures'],
  theme: 'dark',
  onReport: (report) => secondReports.push(report),
});

window.host = { events, secondReports, second, analyze, mount };
