/**
 * src/operations.ts: the runtime description of every operation (where each
 * parameter goes, how bodies are encoded and responses read, which traits
 * apply) and the API's configuration. Generated methods pass these plain
 * objects to the runtime. The model's descriptor (model/descriptor/) is
 * exactly what is written here: this module only prints it. Links between
 * operations are thunks, so order of declaration does not matter; a
 * chunked-upload descriptor follows the operation it starts with.
 */
import { StructureKind, VariableDeclarationKind } from 'ts-morph';
import { OperationLink, RuntimeFunction } from '../model/descriptor/types.js';
import type { ApiModel } from '../model/types.js';
import { docText } from './doc-text.js';
import { expression, objectCode, printFile, type Statement } from './print.js';
import { uncheckedGenerated } from './unchecked.js';

/** Source text of a descriptor value: a link becomes the linked descriptor's name (or a thunk of it), undefined fields are left out. */
function descriptorCode(value: unknown): string {
  if (value instanceof OperationLink) return value.lazy ? `() => ${value.key}` : value.key;
  if (value instanceof RuntimeFunction) return value.name;
  if (Array.isArray(value)) return `[${value.map(descriptorCode).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return objectCode(
      Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, item === undefined ? undefined : descriptorCode(item)]),
      ),
    );
  return expression(value);
}

/** Every runtime function the descriptors name, by module, each module's names sorted (deterministic imports). */
function runtimeFunctions(values: readonly unknown[]): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  const visit = (value: unknown): void => {
    if (value instanceof RuntimeFunction) {
      const names = found.get(value.module) ?? new Set<string>();
      found.set(value.module, names.add(value.name));
    } else if (value !== null && typeof value === 'object' && !(value instanceof OperationLink))
      for (const item of Object.values(value)) visit(item);
  };
  for (const value of values) visit(value);
  return new Map([...found.keys()].sort().map((module) => [module, [...(found.get(module) ?? [])].sort()] as const));
}

function constant(name: string, type: string, doc: string, initializer: string): Statement {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [docText(doc)],
    declarations: [{ name, type, initializer }],
  };
}

export function emitOperations(model: ApiModel, userAgent: string): string {
  const { name, ...config } = model.descriptor.config;
  const chunked = model.descriptor.operations.some((operation) => operation.chunkedUpload);
  const functions = runtimeFunctions([
    config,
    ...model.descriptor.operations.flatMap((operation) => [operation.descriptor, operation.chunkedUpload?.descriptor]),
  ]);
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/config.js',
      namedImports: ['ApiConfig'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/operation.js',
      namedImports: ['OperationDescriptor'],
    },
    ...(chunked
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: './runtime/chunked-upload.js',
            namedImports: ['ChunkedUploadDescriptor'],
          } as Statement,
        ]
      : []),
    ...[...functions].map(
      ([module, names]): Statement => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `./runtime/${module}.js`,
        namedImports: names,
      }),
    ),
    constant(
      'apiConfig',
      'ApiConfig',
      `How the ${model.name} API authenticates, reports errors, limits rates and retries.`,
      descriptorCode({ name, userAgent, ...config }),
    ),
    ...model.descriptor.operations.flatMap((operation): Statement[] => [
      constant(operation.key, 'OperationDescriptor', operation.label, descriptorCode(operation.descriptor)),
      ...(operation.chunkedUpload
        ? [
            constant(
              operation.chunkedUpload.key,
              'ChunkedUploadDescriptor',
              `Chunked upload: ${operation.label} starts it.`,
              descriptorCode(operation.chunkedUpload.descriptor),
            ),
          ]
        : []),
    ]),
  ];
  return uncheckedGenerated(
    printFile(model.source, statements),
    'Descriptors take their types from their annotations; specsmith checks their values in its tests, so a package build does not check them again.',
  );
}
