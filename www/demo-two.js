// The second widget of demo-two.html, mounted through the JS API.
import { mount } from './embed.js';

const handle = await mount(document.querySelector('#second'), {
  text: 'Kyiv will never give up occupied land, Foreign Minister Andrii Sybiha said.',
  theme: 'dark',
  panels: ['grid', 'figures'],
});
window.secondWidget = handle;
