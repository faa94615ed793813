// A page that shows the outbox like WeChat's service-notification feed (服务通知): each subscription
// message with its template's title and field labels, each SMS text, the recipient's role and name,
// Beijing time, and what was refused with its code. It polls the JSON feed for news.
export const OUTBOX_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>服务通知 · 本地模拟</title>
<style>
body{margin:0;background:#ededed;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#111}
header{position:sticky;top:0;background:#ededed;padding:14px 16px;font-size:17px;font-weight:600;text-align:center;border-bottom:1px solid #ddd}
header small{display:block;font-size:12px;color:#888;font-weight:400;margin-top:2px}
main{max-width:480px;margin:0 auto;padding:12px}
.time{text-align:center;color:#999;font-size:12px;margin:14px 0 8px}
.card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.app{display:flex;align-items:center;font-size:13px;color:#888;margin-bottom:8px}
.app b{font-weight:400;color:#333;flex:1}
.badge{font-size:11px;border-radius:3px;padding:1px 5px;margin-left:6px;background:#e7f6ec;color:#07c160}
.card.sms .badge{background:#fff3e0;color:#fa9d3b}.badge.copy{background:#eef3fb;color:#576b95}
.card h3{margin:0 0 10px;font-size:16px}
.row{display:flex;font-size:14px;line-height:1.8}.row span:first-child{color:#888;width:88px;flex:none}
.text{font-size:14px;line-height:1.7}
.to{font-size:12px;color:#576b95;margin-top:8px}
.foot{border-top:1px solid #f0f0f0;margin-top:10px;padding-top:10px;font-size:14px;color:#576b95}
.rejected{opacity:.75;border-left:4px solid #fa5151}.err{color:#fa5151;font-size:13px;margin-top:6px}
.empty{text-align:center;color:#999;margin-top:40vh}
</style></head><body>
<header>服务通知<small>本地模拟器 · 订阅消息与短信到达即显示 · 北京时间</small></header>
<main id="feed"><p class="empty">还没有消息</p></main>
<script>
const feed=document.getElementById('feed');let last='';
function esc(s){return String(s==null?'':s).replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]))}
function when(t){const m=/^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}:\\d{2})/.exec(t||'');return m?(+m[2])+'月'+(+m[3])+'日 '+m[4]:esc(t)}
function who(r,fallback){return r?esc((r.role?r.role+' ':'')+r.name):esc(fallback)}
function wechat(m){const bad=m.status!=='sent';return '<div class="card wechat '+(bad?'rejected':'')+'" data-status="'+esc(m.status)+'" data-channel="wechat">'+
'<div class="app"><b>啄木鸟</b><span class="badge">'+(m.kind==='long-term'?'长期订阅':'订阅消息')+'</span>'+(m.copy?'<span class="badge copy">抄送</span>':'')+'</div>'+
'<h3>'+esc(m.title||m.templateId)+'</h3>'+(m.fields||[]).map(f=>'<div class="row"><span>'+esc(f.label)+'</span><span>'+esc(f.value)+'</span></div>').join('')+
'<div class="to">接收人：'+who(m.recipient,m.touser)+'</div>'+
(bad?'<div class="err">未送达：'+esc(m.errcode)+' '+esc(m.errmsg)+'</div>':'<div class="foot">进入小程序查看 ›</div>')+'</div>'}
function sms(m){const bad=m.status!=='sent';return '<div class="card sms '+(bad?'rejected':'')+'" data-status="'+esc(m.status)+'" data-channel="sms">'+
'<div class="app"><b>短信 '+esc(m.phone)+'</b><span class="badge">短信</span></div>'+
'<div class="text">'+esc(m.text||('【'+m.signName+'】模板 '+m.templateId+'：'+(m.params||[]).join('，')))+'</div>'+
'<div class="to">发送至：'+who(m.recipient,m.phone)+'</div>'+
(bad?'<div class="err">未发送：'+esc(m.code)+' '+esc(m.message)+'</div>':'')+'</div>'}
async function load(){try{const r=await fetch('/_emulator/outbox'+location.search);const list=await r.json();const text=JSON.stringify(list);if(text===last)return;last=text;
if(!list.length){feed.innerHTML='<p class="empty">还没有消息</p>';return}
feed.innerHTML=list.slice().reverse().map(m=>'<div class="time">'+when(m.time)+'</div>'+(m.channel==='sms'?sms(m):wechat(m))).join('');window.scrollTo(0,document.body.scrollHeight)}catch(e){}}
load();setInterval(load,1500);
</script></body></html>`
