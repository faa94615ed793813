// A page that shows the outbox like WeChat's service-notification feed (服务通知), polling for news.
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
.card h3{margin:0 0 10px;font-size:16px}
.row{display:flex;font-size:14px;line-height:1.8}.row span:first-child{color:#888;width:88px;flex:none}
.to{font-size:12px;color:#576b95;margin-top:8px}
.foot{border-top:1px solid #f0f0f0;margin-top:10px;padding-top:10px;font-size:14px;color:#576b95}
.rejected{opacity:.75;border-left:4px solid #fa5151}.err{color:#fa5151;font-size:13px;margin-top:6px}
.empty{text-align:center;color:#999;margin-top:40vh}
</style></head><body>
<header>服务通知<small>本地模拟器 · 订阅消息到达即显示</small></header>
<main id="feed"><p class="empty">还没有消息</p></main>
<script>
const feed=document.getElementById('feed');let last='';
function esc(s){return String(s).replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]))}
async function load(){try{const r=await fetch('/_emulator/outbox'+location.search);const list=await r.json();const text=JSON.stringify(list);if(text===last)return;last=text;
if(!list.length){feed.innerHTML='<p class="empty">还没有消息</p>';return}
feed.innerHTML=list.map(m=>'<div class="time">'+esc(new Date(m.at).toLocaleString('zh-CN',{hour12:false}))+'</div><div class="card '+(m.status!=='sent'?'rejected':'')+'" data-status="'+esc(m.status)+'"><h3>'+esc(m.title||m.templateId)+'</h3>'+
Object.entries(m.data||{}).map(([k,v])=>'<div class="row"><span>'+esc(k)+'</span><span>'+esc(v&&v.value)+'</span></div>').join('')+
'<div class="to">接收人：'+esc(m.touser)+'</div>'+(m.status!=='sent'?'<div class="err">未送达：'+esc(m.errcode)+' '+esc(m.errmsg)+'</div>':'<div class="foot">进入小程序查看 ›</div>')+'</div>').join('')}catch(e){}}
load();setInterval(load,1500);
</script></body></html>`
