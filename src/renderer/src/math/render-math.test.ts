import { describe, expect, it } from 'vitest';
import { renderMath } from './render-math';

describe('renderMath', () => {
  it('renders a formula to KaTeX HTML', () => {
    const html = renderMath('\\sqrt{2}', false);
    expect(html).toContain('class="katex"');
    expect(html).toContain('sqrt');
  });

  it('renders display math in display mode', () => {
    expect(renderMath('x^2', true)).toContain('katex-display');
    expect(renderMath('x^2', false)).not.toContain('katex-display');
  });

  it('does not turn \\href into a javascript: link', () => {
    const html = renderMath('\\href{javascript:alert(1)}{x}', false) ?? '';
    expect(html).not.toMatch(/<a\b/i);
    expect(html).not.toMatch(/href=/i);
  });

  it('escapes markup that appears in broken LaTeX', () => {
    const html = renderMath('\\frac{<img src=x onerror=alert(1)>', false) ?? '';
    expect(html).not.toContain('<img');
  });

  it('does not let \\gdef leak into the next render', () => {
    renderMath('\\gdef\\leak{LEAKED}\\leak', false);
    const html = renderMath('\\leak', false) ?? '';
    expect(html).not.toContain('LEAKED');
  });

  it('stops runaway macro expansion instead of hanging', () => {
    const html = renderMath('\\def\\a{\\a\\a}\\a', false);
    expect(html === null || /Too many expansions/.test(html)).toBe(true);
  });
});
