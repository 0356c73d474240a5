/**
 * src/core.ts: the core client (`<Client>Core`). It holds what every call
 * needs (base URL, credentials, headers, timeouts, retries, hooks) and no
 * operations, so an app that calls a few operations as standalone functions
 * (funcs.ts) bundles only those. The full client extends it with one resource
 * object per tag; either can be passed to a function.
 */
import { StructureKind, VariableDeclarationKind, type ClassDeclarationStructure } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { clientVariable } from './call-example.js';
import { docText } from './doc-text.js';
import { literal, printFile, type Statement } from './print.js';

/** The exported name of the core client class. */
export function coreClassName(model: ApiModel): string {
  return `${model.name}Core`;
}

export function emitCore(model: ApiModel): string {
  const name = coreClassName(model);
  const core: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name,
    isExported: true,
    docs: [
      {
        description: `${docText(
          `The core client for the ${model.title}: configuration, credentials, retries and hooks, without the operations. Pass it to the standalone functions of \`${model.packageName}/funcs\`, so that an app bundles only the operations it calls; \`${model.name}\` (the full client) extends it.`,
          `@example\n\`\`\`ts\nconst ${clientVariable(model)} = new ${name}();\n\`\`\``,
        )}\n`,
      },
    ],
    properties: [{ name: '#options', type: 'ClientOptions', isReadonly: true }],
    ctors: [
      {
        parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
        statements: ['this.#options = options;', 'cores.set(this, new ClientCore(apiConfig, errorClasses, options));'],
      },
    ],
    getAccessors: [
      {
        name: 'baseUrl',
        docs: ['The base URL requests go to.'],
        returnType: 'string',
        statements: ['return coreOf(this).baseUrl;'],
      },
    ],
    methods: [
      {
        name: 'withOptions',
        docs: [
          'A new client of the same class with these options over this one’s (the same credentials unless `apiKey` is given).',
        ],
        parameters: [{ name: 'options', type: 'ClientOptions' }],
        returnType: 'this',
        statements: [
          'return new (this.constructor as new (options: ClientOptions) => this)({ ...this.#options, ...options });',
        ],
      },
      { name: 'toJSON', returnType: 'Record<string, unknown>', statements: ['return coreOf(this).toJSON();'] },
      {
        name: "[Symbol.for('nodejs.util.inspect.custom')]",
        returnType: 'string',
        statements: ['return coreOf(this).describe();'],
      },
    ],
  };
  const statements: Statement[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/core.js', namedImports: ['ClientCore'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/config.js',
      namedImports: ['ClientOptions'],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: ['errorClasses'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './operations.js', namedImports: ['apiConfig'] },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      // A WeakMap rather than a public field: the runtime core (and the key inside it) stays out of reach of the client's users.
      docs: ['The runtime core of each client.'],
      declarations: [{ name: 'cores', initializer: `new WeakMap<${name}, ClientCore>()` }],
    },
    core,
    {
      kind: StructureKind.Function,
      name: 'coreOf',
      isExported: true,
      docs: [
        `The runtime core of a \`${name}\` (or \`${model.name}\`): what generated methods and standalone functions call through. Not for application code.`,
      ],
      parameters: [{ name: 'client', type: name }],
      returnType: 'ClientCore',
      statements: [
        'const core = cores.get(client);',
        // A value of another class, or this package's other module format (ESM vs CommonJS), has no core here.
        `if (!core) throw new errorClasses.base(${literal(`Expected a ${name} or ${model.name} created by this build of ${model.packageName}`)});`,
        'return core;',
      ],
    },
  ];
  return printFile(model.source, statements);
}
