const http = require('node:http');
const { greeting } = require('./lib/greeting');

const port = Number(process.env.PORT || 8080);
http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(greeting(req.url));
}).listen(port, () => console.log(`listening on ${port}`));
