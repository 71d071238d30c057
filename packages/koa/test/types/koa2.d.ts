// Koa 2 is installed as the `koa2` alias; it shares Koa 3's types here.
declare module 'koa2' {
  import Koa = require('koa');
  export = Koa;
}
