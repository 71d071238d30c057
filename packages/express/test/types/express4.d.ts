// Express 4 is installed as the `express4` alias; it shares Express 5's types here.
declare module 'express4' {
  import express = require('express');
  export = express;
}
