/** Server-side rendering: a vega-lite spec → vega → a static SVG, no browser needed. */
import { compile } from 'vega-lite';
import { parse, View } from 'vega';

export interface Compiled {
  readonly vega: object;
  /** vega-lite's warnings (a spec that compiles with warnings is a bug in its builder). */
  readonly warnings: string[];
}

/** A logger in the shape vega-lite expects, keeping warnings instead of printing them. */
function collectingLogger(warnings: string[]): Parameters<typeof compile>[1] extends infer O ? O extends { logger?: infer L } ? L : never : never {
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger as never;
}

export function compileSpec(spec: object): Compiled {
  const warnings: string[] = [];
  const result = compile(spec as Parameters<typeof compile>[0], { logger: collectingLogger(warnings) });
  return { vega: result.spec, warnings };
}

export async function renderSvg(spec: object): Promise<string> {
  const { vega } = compileSpec(spec);
  const view = new View(parse(vega as Parameters<typeof parse>[0]), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
