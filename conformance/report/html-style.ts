// Plain CSS of the HTML report, inlined so the page is one file.
export const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0 auto;max-width:1200px;padding:0 24px 48px;background:#fafbfc}
header{border-bottom:2px solid #d0d7de;margin-bottom:16px}
h1{font-size:26px;margin:24px 0 4px}
h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h2 small{font-size:13px;font-weight:normal;color:#57606a}
h3{font-size:16px;margin:16px 0 6px}
h5{margin:4px 0;font-size:12px;color:#57606a;text-transform:uppercase}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#eef1f4;padding:1px 4px;border-radius:3px}
.badge{display:inline-block;min-width:38px;text-align:center;font-size:12px;font-weight:600;border-radius:10px;padding:1px 8px;color:#fff}
.badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.error{background:#8250df}.badge.skip{background:#9a6700}.badge.omit{background:#6e7781}
.verdict{font-size:18px;font-weight:600}.verdict.fail{color:#cf222e}.verdict.pass{color:#1a7f37}
details.group{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:6px 0;padding:6px 10px}
summary{cursor:pointer}
ul{list-style:none;padding-left:8px;margin:6px 0}
li.test{padding:3px 0;border-bottom:1px solid #eef1f4}
.rules a{font-size:12px;color:#0969da;margin-left:4px}
.msg{white-space:pre-wrap;font:13px ui-monospace,monospace;background:#fff5f5;border-left:3px solid #cf222e;padding:6px 8px;margin:6px 0}
.exchange{border:1px solid #d0d7de;border-radius:4px;margin:6px 0;background:#fff}
.exchange .line{padding:4px 8px;background:#f6f8fa;font:13px ui-monospace,monospace;word-break:break-all}
.exchange .n{color:#57606a}.exchange .ms{color:#57606a;float:right}
.ok{color:#1a7f37}.warn{color:#9a6700}.bad{color:#cf222e;font-weight:600}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:8px;padding:0 8px 8px}
pre{margin:0;font:12px/1.4 ui-monospace,monospace;white-space:pre-wrap;word-break:break-all;max-height:360px;overflow:auto;background:#f6f8fa;padding:6px;border-radius:3px}
table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
th{background:#f6f8fa}
table.summary{width:auto;margin:12px 0}table.summary td.num,table.summary th.num{text-align:right;min-width:48px}
td.fail{color:#cf222e;font-weight:600}td.error{color:#8250df;font-weight:600}td.skip{color:#9a6700}
h4{font-size:14px;margin:14px 0 6px;color:#1d2330}
.failure{background:#fff;border:1px solid #d0d7de;border-left:4px solid #cf222e;border-radius:6px;margin:8px 0;padding:8px 10px}
.failure .head{font-weight:500}
.kind{font-size:11px;color:#57606a;border:1px solid #d0d7de;border-radius:8px;padding:0 6px;margin-left:4px}
.gtitle{color:#57606a;font-size:14px}.gcounts{float:right}
.note{font-size:13px;color:#9a6700;margin:2px 0 0 48px}
.meta{color:#57606a;margin:4px 0}
ul.index{margin:4px 0 16px}ul.index ul{padding-left:12px;margin:2px 0 8px}ul.index li{padding:1px 0;font-size:14px}
footer{margin-top:32px;color:#57606a;font-size:13px}
`;
