/**
 * The site's style sheet and its two small scripts, inlined into each page that uses them and
 * allowed by their SHA-256 hashes in the page's Content-Security-Policy: no external file to load
 * (browsers give `file://` pages opaque origins, where `'self'` is not dependable), no `eval`, no
 * inline event handlers. The scripts build the DOM with `textContent` only, never `innerHTML`.
 */

export const SITE_CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--soft:#f6f8fa;--link:#0969da;--warn:#9a6700;--err:#d1242f}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--soft:#151b23;--link:#4493f8;--warn:#d29922;--err:#f85149}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
header.site{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;padding:.6rem 1.2rem;border-bottom:1px solid var(--line);background:var(--soft)}
header.site .brand{font-weight:600;margin-right:.5rem}
header.site nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem}
main{padding:1rem 1.2rem 3rem;max-width:80rem}
main.wide{max-width:none}
h1{font-size:1.6rem;margin:.4rem 0 .6rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;display:block;overflow-x:auto;max-width:100%}
th,td{border:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--soft);padding:.7rem;overflow-x:auto;border:1px solid var(--line)}
td code,li code,p code{background:var(--soft);padding:0 .2rem;overflow-wrap:anywhere}
.muted{color:var(--muted)}
.description{white-space:pre-line}
.badge{display:inline-block;border:1px solid var(--line);border-radius:.6rem;padding:0 .45rem;font-size:.8rem;margin-right:.25rem;white-space:nowrap}
.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}
#search{width:100%;max-width:36rem;font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:.35rem;background:var(--bg);color:var(--fg)}
.diagram{border:1px solid var(--line);overflow:auto;background:#fff;max-height:38rem}
.diagram svg{display:block;max-width:none;height:auto}
#viewport{position:relative;overflow:hidden;height:calc(100vh - 10rem);min-height:20rem;border:1px solid var(--line);background:#fff;cursor:grab;touch-action:none}
#viewport.dragging{cursor:grabbing}
#canvas{transform-origin:0 0;position:absolute;left:0;top:0}
#canvas svg{display:block}svg g.node{cursor:pointer}
.toolbar{display:flex;gap:.4rem;align-items:center;margin:.4rem 0}
.toolbar button{font:inherit;padding:.15rem .6rem;border:1px solid var(--line);background:var(--soft);color:var(--fg);border-radius:.3rem;cursor:pointer}
.placeholder{border:1px dashed var(--line);padding:1rem;color:var(--muted)}
`
  .trim()
  .replace(/\n/g, '');

/**
 * The index's search: filters the table list (rows in the same order as the JSON index) on every
 * word typed, matched against the table's name, code name, description and column names. Enter
 * opens the first table shown. The query is kept in the URL (`#q=`), so going back restores it.
 */
export const SEARCH_JS = `(function(){
var data=JSON.parse(document.getElementById('ormdoc-index').textContent);
var input=document.getElementById('search');
var rows=document.querySelectorAll('#table-list tbody tr');
var count=document.getElementById('count');
var hay=data.map(function(t){return [t.n,t.c||'',t.d||'',t.k.join(' ')].join(' ').toLowerCase();});
function run(){
var words=input.value.toLowerCase().split(/\\s+/).filter(Boolean);var shown=0;
for(var i=0;i<rows.length;i++){var ok=words.every(function(w){return hay[i].indexOf(w)>=0;});rows[i].hidden=!ok;if(ok)shown++;}
count.textContent=words.length?shown+' of '+rows.length+' tables':rows.length+' tables';
}
function remember(){try{history.replaceState(null,'',input.value?'#q='+encodeURIComponent(input.value):location.pathname);}catch(e){}}
var m=/^#q=(.*)$/.exec(location.hash);if(m){try{input.value=decodeURIComponent(m[1]);}catch(e){}}
input.addEventListener('input',function(){run();remember();});
input.addEventListener('keydown',function(e){
if(e.key!=='Enter')return;
for(var i=0;i<rows.length;i++){if(!rows[i].hidden){var a=rows[i].querySelector('a');if(a){location.href=a.href;}return;}}
});
window.addEventListener('pageshow',run);
run();
})();`;

/**
 * Pan and zoom for the diagram page: drag to pan, wheel (or the buttons, or + - 0 and the arrow
 * keys) to zoom around the pointer; a CSS transform on the wrapper of the inline SVG. A drag marks
 * the viewport `data-dragged`, so the click that ends it opens nothing (see BOX_LINKS_JS).
 */
export const PANZOOM_JS = `(function(){
var vp=document.getElementById('viewport');var cv=document.getElementById('canvas');
if(!vp||!cv)return;
var s=1,x=0,y=0,drag=null,moved=0;
function apply(){cv.style.transform='translate('+x+'px,'+y+'px) scale('+s+')';vp.setAttribute('data-scale',s.toFixed(3));}
function fit(){var r=cv.getBoundingClientRect();var w=r.width/s,h=r.height/s;var v=vp.getBoundingClientRect();
s=Math.min(1,Math.max(0.02,Math.min(v.width/w,v.height/h)));x=(v.width-w*s)/2;y=Math.max(0,(v.height-h*s)/2);apply();}
function zoom(f,cx,cy){var n=Math.min(8,Math.max(0.02,s*f));x=cx-(cx-x)*n/s;y=cy-(cy-y)*n/s;s=n;apply();}
function centre(){var v=vp.getBoundingClientRect();return [v.width/2,v.height/2];}
vp.addEventListener('wheel',function(e){e.preventDefault();var v=vp.getBoundingClientRect();zoom(e.deltaY<0?1.15:1/1.15,e.clientX-v.left,e.clientY-v.top);},{passive:false});
vp.addEventListener('pointerdown',function(e){drag=[e.clientX-x,e.clientY-y];moved=0;vp.removeAttribute('data-dragged');});
vp.addEventListener('pointermove',function(e){if(!drag)return;if(!e.buttons){end();return;}var nx=e.clientX-drag[0],ny=e.clientY-drag[1];moved+=Math.abs(nx-x)+Math.abs(ny-y);x=nx;y=ny;if(moved>3){vp.classList.add('dragging');vp.setAttribute('data-dragged','1');}apply();});
function end(){drag=null;vp.classList.remove('dragging');}
vp.addEventListener('pointerup',end);vp.addEventListener('pointercancel',end);vp.addEventListener('pointerleave',end);
document.getElementById('zoom-in').addEventListener('click',function(){var c=centre();zoom(1.25,c[0],c[1]);});
document.getElementById('zoom-out').addEventListener('click',function(){var c=centre();zoom(0.8,c[0],c[1]);});
document.getElementById('zoom-fit').addEventListener('click',fit);
document.addEventListener('keydown',function(e){
if(e.target&&e.target.tagName==='INPUT')return;var c=centre();
if(e.key==='+'||e.key==='=')zoom(1.25,c[0],c[1]);else if(e.key==='-')zoom(0.8,c[0],c[1]);else if(e.key==='0')fit();
else if(e.key==='ArrowLeft'){x+=60;apply();}else if(e.key==='ArrowRight'){x-=60;apply();}
else if(e.key==='ArrowUp'){y+=60;apply();}else if(e.key==='ArrowDown'){y-=60;apply();}else return;
e.preventDefault();});
fit();
})();`;

/**
 * Boxes of an inline SVG diagram as links: a click on a box (`g.node`) opens the page its
 * `<title>` names, from the page's `ormdoc-links` JSON (title -> relative URL); not at the end of
 * a drag. Graphviz's SVG has no links of its own.
 */
export const BOX_LINKS_JS = `(function(){
var data=document.getElementById('ormdoc-links');if(!data)return;var links=JSON.parse(data.textContent);
document.addEventListener('click',function(e){
var g=e.target.closest&&e.target.closest('g.node');if(!g)return;
var vp=g.closest('#viewport');if(vp&&vp.getAttribute('data-dragged'))return;
var t=g.querySelector('title');var k=t&&t.textContent;
if(k&&Object.prototype.hasOwnProperty.call(links,k))location.href=links[k];});
})();`;
