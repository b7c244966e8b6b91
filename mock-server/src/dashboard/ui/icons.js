/**
 * Small line icons, drawn as SVG in the page: an emoji would need a colour-emoji font, which a
 * fresh Linux machine (or CI) often lacks, and would show as an empty box there.
 */

const paths = {
  file: ['M6 2.5h8l5 5v14H6z', 'M14 2.5v5h5', 'M9 12.5h7M9 16h7'],
  pin: [
    'M12 21.5s6.5-6.6 6.5-12a6.5 6.5 0 0 0-13 0c0 5.4 6.5 12 6.5 12z',
    'M12 7.2a2.3 2.3 0 1 1 0 4.6 2.3 2.3 0 0 1 0-4.6z',
  ],
};

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * @param {keyof typeof paths} name
 * @param {string} className
 * @returns {SVGSVGElement}
 */
export function icon(name, className) {
  const svg = document.createElementNS(svgNs, 'svg');
  for (const [attribute, value] of Object.entries({
    class: className,
    viewBox: '0 0 24 24',
    width: '24',
    height: '24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '1.8',
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  })) {
    svg.setAttribute(attribute, value);
  }
  for (const d of paths[name]) {
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}
