import onnxProto from 'onnx-proto';
import type { PerfModel } from './network.js';
import { validateModel } from './network.js';

const { onnx } = onnxProto;

/** ONNX opset the graph is written for: Gemm, Tanh, Sigmoid, Sub, Div, IsNaN, Where and Clip (bounds as inputs). */
export const OPSET = 13;
export const INPUT_NAME = 'features';
export const OUTPUT_NAME = 'probability';
/** Metadata keys the loader reads back. */
export const META_FEATURE_NAMES = 'ai-ci.feature_names';
export const META_INFO = 'ai-ci.info';

const FLOAT = onnx.TensorProto.DataType.FLOAT;

function tensor(
  name: string,
  dims: number[],
  values: readonly number[],
): import('onnx-proto').onnx.ITensorProto {
  const data = Float32Array.from(values);
  return {
    name,
    dims,
    dataType: FLOAT,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

function floatInfo(name: string, dims: (number | string)[]): import('onnx-proto').onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/**
 * Writes the model as an ONNX ModelProto: features [batch, F] → (x − mean) / scale → Clip(±clip) → NaN to 0 →
 * Gemm (+ Tanh) per hidden layer → Gemm → Sigmoid → probability [batch, 1]. Only standard ai.onnx operators,
 * so any ONNX runtime runs it.
 */
export function toOnnx(model: PerfModel): Uint8Array {
  validateModel(model);
  const f = model.featureNames.length;
  const initializer = [
    tensor('standardise_mean', [f], model.mean),
    tensor('standardise_scale', [f], model.scale),
    tensor('clip_min', [], [-model.clip]),
    tensor('clip_max', [], [model.clip]),
    tensor('zero', [], [0]),
  ];
  const node: import('onnx-proto').onnx.INodeProto[] = [
    { opType: 'Sub', input: [INPUT_NAME, 'standardise_mean'], output: ['centred'], name: 'centre' },
    { opType: 'Div', input: ['centred', 'standardise_scale'], output: ['standardised'], name: 'scale' },
    { opType: 'Clip', input: ['standardised', 'clip_min', 'clip_max'], output: ['clipped'], name: 'clip' },
    // A missing (NaN) feature counts as the training mean, i.e. 0 once standardised.
    { opType: 'IsNaN', input: ['clipped'], output: ['missing'], name: 'find_missing' },
    { opType: 'Where', input: ['missing', 'zero', 'clipped'], output: ['h0'], name: 'fill_missing' },
  ];
  model.layers.forEach((layer, k) => {
    const w = `layer${k}_weight`;
    const b = `layer${k}_bias`;
    initializer.push(tensor(w, [layer.outputs, layer.inputs], layer.weights));
    initializer.push(tensor(b, [layer.outputs], layer.bias));
    const last = k === model.layers.length - 1;
    node.push({
      opType: 'Gemm',
      input: [`h${k}`, w, b],
      output: [`z${k + 1}`],
      name: `dense${k}`,
      attribute: [{ name: 'transB', type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
    });
    node.push({
      opType: layer.activation === 'tanh' ? 'Tanh' : 'Sigmoid',
      input: [`z${k + 1}`],
      output: [last ? OUTPUT_NAME : `h${k + 1}`],
      name: `${layer.activation}${k}`,
    });
  });
  const proto = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'ai-ci',
    producerVersion: '1',
    modelVersion: 1,
    docString: 'Probability that a benchmark comparison is a real performance regression (ai-ci perf).',
    graph: {
      name: 'performance_predictor',
      node,
      initializer,
      input: [floatInfo(INPUT_NAME, ['batch', f])],
      output: [floatInfo(OUTPUT_NAME, ['batch', 1])],
    },
    metadataProps: [
      { key: META_FEATURE_NAMES, value: JSON.stringify(model.featureNames) },
      { key: META_INFO, value: JSON.stringify(model.info) },
    ],
  });
  return onnx.ModelProto.encode(proto).finish();
}

/** Reads the metadata this exporter wrote; throws when the bytes are not a ModelProto. */
export function readOnnxMetadata(bytes: Uint8Array): {
  featureNames?: string[];
  info?: Record<string, unknown>;
} {
  const proto = onnx.ModelProto.decode(bytes);
  const meta = new Map(proto.metadataProps.map((p) => [p.key ?? '', p.value ?? '']));
  const names = meta.get(META_FEATURE_NAMES);
  const info = meta.get(META_INFO);
  return {
    ...(names ? { featureNames: JSON.parse(names) as string[] } : {}),
    ...(info ? { info: JSON.parse(info) as Record<string, unknown> } : {}),
  };
}
