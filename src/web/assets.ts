// The reader's one stylesheet and its one small script (the citation's copy
// button; everything else works without JavaScript).

export const SITE_CSS = `
:root { --ink: #1d1d1f; --muted: #6b6b70; --rule: #d9d4c7; --paper: #fbf9f4; --accent: #a4161a; --mark: #ffe58a;
  --serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  --sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.8 var(--sans); }
a { color: inherit; text-decoration-color: var(--rule); text-underline-offset: 3px; }
a:hover { color: var(--accent); }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
.bar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; border-bottom: 3px double var(--ink); background: #fff; }
.brand { font: 700 1.4rem/1 var(--serif); text-decoration: none; letter-spacing: .1em; }
.brand small { font: 400 .7rem var(--sans); color: var(--muted); letter-spacing: 0; }
.quick { display: flex; flex: 1 1 18rem; gap: .4rem; }
input, select, button { font: inherit; font-size: .95rem; padding: .3rem .5rem; border: 1px solid #bbb; border-radius: 3px; background: #fff; }
input[type=search], .quick input { flex: 1; min-width: 0; }
button { cursor: pointer; background: var(--ink); color: #fff; border-color: var(--ink); }
.crumbs { max-width: 70rem; margin: 0 auto; padding: .5rem 1rem 0; color: var(--muted); font-size: .9rem; }
.foot { text-align: center; color: var(--muted); font-size: .8rem; padding: 2rem 1rem; }
h1, h2, h3 { font-family: var(--serif); line-height: 1.35; }
.muted { color: var(--muted); }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.cards li { background: #fff; border: 1px solid var(--rule); padding: 1rem; }
.cards h2 { margin: 0 0 .3rem; font-size: 1.3rem; }
.years { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
.years a, .years span { padding: .1rem .6rem; border: 1px solid var(--rule); background: #fff; text-decoration: none; }
.years .on { background: var(--ink); color: #fff; }
.calendar { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; }
.month { background: #fff; border: 1px solid var(--rule); padding: .5rem; }
.month h3 { margin: 0 0 .3rem; font-size: 1rem; }
.month table { width: 100%; border-collapse: collapse; text-align: center; font-size: .85rem; }
.month th { color: var(--muted); font-weight: 400; }
.month td { padding: .15rem 0; }
.month td.issue a { display: block; background: var(--ink); color: #fff; border-radius: 2px; text-decoration: none; }
.month td.gap { color: var(--accent); text-decoration: line-through; }
.month td.none { color: #c8c8c8; }
.legend span { margin-right: 1rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; }
.pager a, .pager span { padding: .2rem .7rem; border: 1px solid var(--rule); background: #fff; text-decoration: none; }
.pager span { color: #bbb; }
.issue-pages { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
.issue-pages > li { background: #fff; border: 1px solid var(--rule); padding: .8rem 1rem; }
.issue-pages h2 { margin: 0; font-size: 1.1rem; }
.issue-pages ol { padding-left: 1.2rem; margin: .5rem 0 0; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; margin: 0; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; }
.pagemap { display: grid; grid-template-columns: repeat(6, 1fr); grid-auto-rows: 2.6rem; grid-auto-flow: dense; gap: 4px; background: #fff; border: 1px solid var(--ink); padding: 4px; }
.pagemap > * { overflow: hidden; border: 1px solid var(--rule); padding: .2rem .4rem; font-size: .8rem; line-height: 1.4; text-decoration: none; background: var(--paper); }
.pagemap a.box:hover, .pagemap a.box:focus { border-color: var(--accent); background: #fff; }
.pagemap .box b { display: block; font-family: var(--serif); font-size: .95rem; }
.pagemap .masthead { background: var(--ink); color: #fff; font: 700 1.2rem/2 var(--serif); text-align: center; }
.pagemap .other { color: var(--muted); background: transparent; border-style: dashed; }
${[1, 2, 3, 4, 5, 6].map((w) => `.w${w} { grid-column: span ${w}; }`).join(' ')}
${[1, 2, 3, 4, 5, 6, 7, 8].map((h) => `.h${h} { grid-row: span ${h}; }`).join(' ')}
article.story { max-width: 40rem; margin: 0 auto; background: #fff; border: 1px solid var(--rule); padding: 1.5rem 1.5rem 2rem; }
.story header { text-align: center; border-bottom: 1px solid var(--rule); padding-bottom: 1rem; margin-bottom: 1rem; }
.story .kicker { font: 1.05rem/1.5 var(--serif); margin: 0; }
.story h1 { font-size: 1.9rem; margin: .3rem 0; font-weight: 900; letter-spacing: .03em; }
.story .subtitle { font: 1.15rem/1.5 var(--serif); margin: 0; }
.story .byline { color: var(--muted); font-size: .95rem; margin: .6rem 0 0; }
.story .body p { font: 1.08rem/1.9 var(--serif); text-indent: 2em; margin: 0 0 .6em; text-align: justify; }
.story .dateline { font-weight: 700; font-family: var(--sans); }
.story figure { margin: 1rem 0; padding: .6rem; background: var(--paper); font-size: .9rem; }
.story .jump { color: var(--muted); font-size: .9rem; }
.meta { max-width: 40rem; margin: 1rem auto; display: grid; gap: 1rem; }
.meta section { background: #fff; border: 1px solid var(--rule); padding: .8rem 1rem; }
.meta a, .meta output, .kv dd { overflow-wrap: anywhere; }
.meta h2 { font-size: 1rem; margin: 0 0 .4rem; }
.cite { display: flex; gap: .5rem; align-items: flex-start; }
.cite output { flex: 1; font-family: var(--serif); word-break: break-all; }
.doubts li { margin-bottom: .3rem; }
.doubts .warning { color: var(--accent); }
.search-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem; background: #fff; border: 1px solid var(--rule); padding: .8rem; }
.search-form .q { grid-column: 1 / -1; display: flex; gap: .5rem; }
.search-form label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.results { display: grid; grid-template-columns: 1fr 14rem; gap: 1.5rem; margin-top: 1rem; }
.hits { list-style: none; padding: 0; margin: 0; }
.hits li { padding: .8rem 0; border-bottom: 1px solid var(--rule); }
.hits h2 { font-size: 1.15rem; margin: 0; }
.hits .where { color: var(--muted); font-size: .85rem; }
.hits p { margin: .3rem 0 0; }
mark { background: var(--mark); color: inherit; padding: 0 1px; }
.facets h3 { font-size: .95rem; margin: 1rem 0 .3rem; }
.facets ul { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
.facets li { display: flex; justify-content: space-between; gap: .5rem; }
.notice { background: #fff; border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: 1rem 1.2rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: .6rem; }
  .results { grid-template-columns: 1fr; }
  .pagemap { grid-template-columns: repeat(3, 1fr); }
  ${[4, 5, 6].map((w) => `.w${w} { grid-column: span 3; }`).join(' ')}
  article.story { padding: 1rem; border-left: 0; border-right: 0; }
  .story h1 { font-size: 1.5rem; }
}
`;

export const SITE_JS = `
document.addEventListener('click', async (e) => {
  const button = e.target.closest('[data-copy]');
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = source.textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    document.execCommand('copy');
  }
  button.textContent = '已复制';
  setTimeout(() => { button.textContent = '复制'; }, 1500);
});
`;

/** 版 in a red seal, as an SVG icon. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="#a4161a"/><text x="32" y="46" font-size="40" text-anchor="middle" fill="#fff" font-family="serif">版</text></svg>`;
