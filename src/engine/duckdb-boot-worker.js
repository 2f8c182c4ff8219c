// @ts-check
// DuckDB-WASM's worker, started with its wasm already compiling. On a cold open the compile of the
// 34 MB wasm takes longest, and DuckDB's own worker starts it only once its 800 kB script has run
// and the page has loaded DuckDB's code and asked it to instantiate. This classic worker (no
// bundling: importScripts needs one) gets both URLs from the page's first message, starts
// fetching and compiling the wasm, then runs DuckDB's worker script in place. When DuckDB asks
// for the wasm it gets the module compiled meanwhile. If that compile failed, DuckDB compiles the
// wasm its own way, as it would have without this script.

self.addEventListener(
  'message',
  /** @param {MessageEvent<{ worker: string; wasm: string }>} event */
  (event) => {
    const { worker, wasm } = event.data;
    const wasmUrl = new URL(wasm, self.location.href).href;
    const nativeFetch = self.fetch.bind(self);
    const nativeInstantiate = WebAssembly.instantiateStreaming;
    const compiling = WebAssembly.compileStreaming(nativeFetch(wasmUrl, { credentials: 'same-origin' }));
    compiling.catch(() => undefined);

    // DuckDB fetches the wasm, wraps the response to report progress, and instantiates it: the
    // download is answered empty, and the instantiation takes the compiled module. Both are
    // DuckDB's one wasm of this worker; afterwards fetch and instantiateStreaming are the browser's.
    self.fetch = (input, init) => (new Request(input).url === wasmUrl ? Promise.resolve(new Response(new Uint8Array(0))) : nativeFetch(input, init));
    WebAssembly.instantiateStreaming = async (_download, imports) => {
      self.fetch = nativeFetch;
      WebAssembly.instantiateStreaming = nativeInstantiate;
      const module = await compiling.catch(() => undefined);
      if (!module) return nativeInstantiate(nativeFetch(wasmUrl, { credentials: 'same-origin' }), imports);
      return { module, instance: await WebAssembly.instantiate(module, imports) };
    };
    importScripts(new URL(worker, self.location.href).href);
  },
  { once: true },
);
