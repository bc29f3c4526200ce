/**
 * Accessibility checks run inside the page (no axe-core in the dependencies): headings in order,
 * landmarks, labelled controls, named buttons and links, and text contrast (WCAG 2.1 AA: 4.5:1,
 * 3:1 for large text). Each returns the problems found, so a failing test says what is wrong.
 */
import type { Page } from 'playwright-core';

export async function a11yProblems(page: Page, { signedIn = true } = {}): Promise<string[]> {
  // tsx (esbuild keepNames) wraps the named inner functions below in __name(): give the page one.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  return page.evaluate((signedIn) => {
    const problems: string[] = [];
    const visible = (el: Element) => !!(el as HTMLElement).offsetParent || getComputedStyle(el).position === 'fixed';
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible);
    if (headings.filter((h) => h.tagName === 'H1').length !== 1) problems.push(`expected one h1, found ${headings.filter((h) => h.tagName === 'H1').length}`);
    let level = 0;
    for (const h of headings) {
      const n = Number(h.tagName[1]);
      if (n > level + 1) problems.push(`heading "${h.textContent}" is h${n} after h${level}`);
      level = n;
    }
    for (const [selector, name] of [['main', 'main'], ['header', 'banner'], ['footer', 'contentinfo']] as const) {
      if (!document.querySelector(selector)) problems.push(`no ${name} landmark`);
    }
    if (signedIn && !document.querySelector('nav:not([hidden])')) problems.push('no navigation landmark');
    for (const el of document.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
      if (el.type === 'hidden' || !visible(el)) continue;
      const labelled = (el.labels?.length ?? 0) > 0 || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!labelled) problems.push(`control ${el.name || el.outerHTML.slice(0, 60)} has no label`);
    }
    for (const el of document.querySelectorAll('button, a[href]')) {
      if (visible(el) && !(el.textContent?.trim() || el.getAttribute('aria-label'))) problems.push(`${el.tagName.toLowerCase()} without a name`);
    }
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    for (const el of document.querySelectorAll('body *')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      if (!ownText || !visible(el) || el.closest('.verborgen')) continue;
      const style = getComputedStyle(el);
      const [l1, l2] = [lum(rgb(style.color)), lum(background(el))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)}:1 of "${el.textContent!.trim().slice(0, 40)}"`);
    }
    return problems;
  }, signedIn);
}
