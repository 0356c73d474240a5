/**
 * src/funcs.ts, the package's `./funcs` entry: one standalone function per
 * operation (`getRun(client, runId, options)`), taking the core client
 * (`<Client>Core`) or the full client and returning what the method does
 * (`hot.runs.get(runId)`). A function is named by its operation's key, except
 * that `then` becomes `then_` (see funcName). Each function refers to its own
 * operation descriptor only, so a bundler keeps just the functions an app
 * imports and their descriptors; the resource classes and the other
 * descriptors stay out. The helpers that combine several calls (waiters,
 * chunked uploads) remain methods of the full client.
 */
import {
  StructureKind,
  type FunctionDeclarationStructure,
  type ParameterDeclarationStructure,
  type OptionalKind,
} from 'ts-morph';
import type { ApiModel, OperationModel } from '../model/types.js';
import { argumentsCode, clientVariable } from './call-example.js';
import { coreClassName } from './core-file.js';
import { docText } from './doc-text.js';
import { printFile, type Statement } from './print.js';

/** Runtime names the functions use, by module; all but the three values are types. */
const RUNTIME: Record<string, { module: string; value: boolean }> = {
  APIPromise: { module: 'api-promise', value: false },
  RequestOptions: { module: 'config', value: false },
  paginate: { module: 'pagination', value: true },
  PagePromise: { module: 'pagination', value: false },
  PageOptions: { module: 'pagination', value: false },
  EventStream: { module: 'event-stream', value: true },
  StreamOptions: { module: 'event-stream', value: false },
};

interface Shape {
  optionsType: string;
  returnType: string;
  runtime: string[];
  body: (core: string, op: string, args: string) => string;
}

function shapeOf(operation: OperationModel): Shape {
  const response = operation.responseTypeName;
  if (operation.sse) {
    const result = operation.sse.resultTypeName ? `, ${operation.sse.resultTypeName}` : '';
    return {
      optionsType: 'StreamOptions',
      returnType: `EventStream<${response}${result}>`,
      runtime: ['EventStream', 'StreamOptions'],
      body: (core, op, args) => `return new EventStream(${core}, ${op}, ${args}, options);`,
    };
  }
  if (operation.pagination) {
    return {
      optionsType: 'PageOptions',
      returnType: `PagePromise<${response}>`,
      runtime: ['paginate', 'PagePromise', 'PageOptions'],
      body: (core, op, args) => `return paginate<${response}>(${core}, ${op}, ${args}, options);`,
    };
  }
  return {
    optionsType: 'RequestOptions',
    returnType: `APIPromise<${response}>`,
    runtime: ['APIPromise', 'RequestOptions'],
    body: (core, op, args) => `return ${core}.call<${response}>(${op}, ${args}, options);`,
  };
}

/**
 * The exported name of an operation's function: its key, except `then`. A
 * module that exports a function named `then` is a thenable, so `await
 * import()` of it would call that function instead of resolving to the module
 * (ECMAScript: dynamic import resolves its promise with the module namespace).
 */
export function funcName(model: ApiModel, operation: OperationModel): string {
  if (operation.key !== 'then') return operation.key;
  let name = 'then_';
  while (model.operations.some((other) => other.key === name)) name = `${name}_`;
  return name;
}

/** The example of a function's doc comment: the same call as the method's, as a function. */
function example(model: ApiModel, operation: OperationModel): string {
  const client = clientVariable(model);
  const call = `${funcName(model, operation)}(${[client, ...argumentsCode(operation)].join(', ')})`;
  const lines = [
    `import { ${coreClassName(model)} } from '${model.packageName}';`,
    `import { ${funcName(model, operation)} } from '${model.packageName}/funcs';`,
    '',
    `const ${client} = new ${coreClassName(model)}();`,
  ];
  if (operation.sse || operation.pagination)
    lines.push(
      `for await (const ${operation.sse ? 'event' : 'item'} of ${call}) {\n  console.log(${operation.sse ? 'event' : 'item'});\n}`,
    );
  else if (operation.responseType === 'void') lines.push(`await ${call};`);
  else lines.push(`const result = await ${call};`, 'console.log(result);');
  return `@example\n\`\`\`ts\n${lines.join('\n')}\n\`\`\``;
}

export function emitFuncs(model: ApiModel): string {
  const core = coreClassName(model);
  const runtime = new Set<string>();
  const types = new Set<string>();
  const shapes = model.operations.map((operation) => {
    const shape = shapeOf(operation);
    for (const name of shape.runtime) runtime.add(name);
    types.add(operation.responseTypeName);
    if (operation.sse?.resultTypeName) types.add(operation.sse.resultTypeName);
    if (operation.paramsType) types.add(operation.paramsType.name);
    return shape;
  });
  const typeText = JSON.stringify(model.operations.map((operation) => operation.pathParams.map((param) => param.type)));
  const schemaTypes = ['components', 'paths'].filter((name) => typeText.includes(`${name}[`));
  // Names this module imports; a function whose export name is one of them is declared under another local name.
  const imported = new Set<string>([core, 'coreOf', 'ops', ...runtime, ...types, ...schemaTypes]);
  const taken = new Set<string>([...imported, ...model.operations.map((operation) => funcName(model, operation))]);
  const localName = (key: string): string => {
    if (!imported.has(key)) return key;
    let name = `${key}_`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    return name;
  };
  const aliases: Array<{ name: string; alias: string }> = [];
  const functions = model.operations.map((operation, index): FunctionDeclarationStructure => {
    const shape = shapes[index] as Shape;
    const name = funcName(model, operation);
    const local = localName(name);
    if (local !== name) aliases.push({ name: local, alias: name });
    // `client` unless a path parameter has that name already.
    let client = 'client';
    while (operation.pathParams.some((param) => param.argName === client)) client = `${client}_`;
    const parameters: OptionalKind<ParameterDeclarationStructure>[] = [
      { name: client, type: core },
      ...operation.pathParams.map((param) => ({ name: param.argName, type: param.type })),
    ];
    if (operation.paramsType)
      parameters.push({ name: 'params', type: operation.paramsType.name, hasQuestionToken: !operation.paramsRequired });
    parameters.push({ name: 'options', type: shape.optionsType, hasQuestionToken: true });
    const args = `[${operation.pathParams.map((param) => param.argName).join(', ')}], ${operation.paramsType ? 'params' : 'undefined'}`;
    const docs = [
      docText(
        operation.summary,
        `The standalone form of \`${clientVariable(model)}.${operation.resource}.${operation.methodName}()\`: \`client\` is a \`${core}\` or a \`${model.name}\`.`,
        operation.description,
      ),
      operation.deprecated ? '@deprecated The API marks this operation as deprecated.' : undefined,
      docText(example(model, operation)),
    ].filter(Boolean);
    return {
      kind: StructureKind.Function,
      name: local,
      isExported: local === name,
      docs: [{ description: `${docs.join('\n\n')}\n` }],
      parameters,
      returnType: shape.returnType,
      statements: [shape.body(`coreOf(${client})`, `ops.${operation.key}`, args)],
    };
  });
  const byModule = new Map<string, string[]>();
  for (const name of [...runtime].sort()) {
    const module = RUNTIME[name]?.module ?? 'core';
    byModule.set(module, [...(byModule.get(module) ?? []), name]);
  }
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './core.js',
      namedImports: [{ name: core, isTypeOnly: true }, 'coreOf'],
    },
    ...[...byModule.entries()].map(([module, names]): Statement => {
      const typeOnly = names.every((name) => !RUNTIME[name]?.value);
      return {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: typeOnly,
        moduleSpecifier: `./runtime/${module}.js`,
        namedImports: names.map((name) => (typeOnly || RUNTIME[name]?.value ? name : { name, isTypeOnly: true })),
      };
    }),
    // Each function reads one property of the namespace, which bundlers resolve statically: unused descriptors are dropped.
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './operations.js', namespaceImport: 'ops' },
    ...(schemaTypes.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: './schema.js',
            namedImports: schemaTypes,
          } as Statement,
        ]
      : []),
    ...(types.size > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: './types.js',
            namedImports: [...types].sort(),
          } as Statement,
        ]
      : []),
    ...functions,
    ...(aliases.length > 0 ? [{ kind: StructureKind.ExportDeclaration, namedExports: aliases } as Statement] : []),
  ];
  return printFile(model.source, statements);
}
