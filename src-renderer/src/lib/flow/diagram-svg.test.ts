import { describe, expect, it } from 'vitest';
import type { Diagram } from './diagram';
import { diagramSvg, escapeXml } from './diagram-svg';

const diagram: Diagram = {
  boxes: [
    {
      id: 'Company',
      label: 'Entity Company',
      title: 'Company',
      position: { x: 0, y: 0 },
      rows: [{ key: 'pk', name: 'id', detail: 'auto', markers: ['PK'] }],
    },
    {
      id: 'Job',
      label: 'Entity Job',
      title: 'Job',
      position: { x: 2000, y: 1500 },
      flagged: true,
      rows: [
        { key: 'f:title', name: 'title', detail: 'string', markers: [] },
        { key: 'r:company', name: 'company', detail: '→ Company', markers: ['FK'] },
      ],
    },
    { id: 'A<&>', label: 'Entity A<&>', title: 'A<&>', position: { x: -300, y: -200 }, rows: [] },
  ],
  links: [
    {
      id: 'Job.company',
      source: 'Job',
      target: 'Company',
      sourceRow: 'r:company',
      sourceEnd: 'zeroOrMany',
      targetEnd: 'one',
      label: 'company',
      name: 'Relation Job.company to Company',
    },
    {
      id: 'Job.ghost',
      source: 'Job',
      target: 'Ghost',
      sourceEnd: 'many',
      targetEnd: 'one',
      label: 'ghost',
      name: 'Relation Job.ghost to Ghost',
    },
  ],
  groups: [{ id: '0', label: 'Hiring', boxes: ['Job', 'Company'] }],
};

describe('the diagram as SVG', () => {
  it('draws every box, line and group, far-away ones included, inside its bounds', () => {
    const { svg, width, height } = diagramSvg(diagram, { dark: false, sizeOf: () => ({ width: 220, height: 100 }) });
    expect(width).toBe(2000 + 220 + 300 + 80);
    expect(height).toBe(1500 + 100 + 200 + 100);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="2600" height="1900" viewBox="-340 -260 2600 1900"/,
    );
    for (const name of ['>Company<', '>Job<', '>A&lt;&amp;&gt;<', '>Hiring<', 'Relation Job.company to Company'])
      expect(svg).toContain(name);
    expect(svg).not.toContain('Ghost');
    expect(svg.match(/<g class="box">/g)).toHaveLength(3);
    expect(svg.match(/<g class="link"/g)).toHaveLength(1);
    expect(svg.match(/<g[ >]/g)?.length).toBe(svg.match(/<\/g>/g)?.length);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('uses the dark palette and marks flagged boxes', () => {
    const { svg } = diagramSvg(diagram, { dark: true, sizeOf: () => ({ width: 220, height: 100 }) });
    expect(svg).toContain('fill="#0d1117"');
    expect(svg).toContain('stroke="#f85149"');
  });

  it('escapes markup', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
