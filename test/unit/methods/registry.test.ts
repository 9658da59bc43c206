// The methods sipp runs, in step with the method ids the schemas allow and the ones `--method` accepts.
import { describe, expect, it } from 'vitest';
import { METHOD_IDS } from '../../../src/core/method/ids.generated.js';
import { listMethods, methodById, methodIds } from '../../../src/methods/registry.js';
import { methodFlags } from '../../../src/methods/flags.js';
import { readSchemas } from '../../../src/project/assets.js';

const schemaIds = (readSchemas().get('common.schema.json') as { $defs: { method: { enum: string[] } } }).$defs.method
  .enum;

describe('the method registry', () => {
  it('has a method for every id common.schema.json allows, and no other', () => {
    expect([...methodIds()].sort()).toEqual([...schemaIds].sort());
    for (const id of methodIds()) expect(methodById(id).id).toBe(id);
  });

  it('offers exactly those ids to `--method`', () => {
    expect([...METHOD_IDS].sort()).toEqual([...schemaIds].sort());
  });

  it("names each method's cycle template after the method, with a guide, a summary and next steps for every stage", () => {
    for (const method of listMethods()) {
      expect(method.template, method.id).toBe(method.id);
      expect(method.guide.length, method.id).toBeGreaterThan(200);
      expect(method.summary, method.id).toMatch(/\.$/);
      expect(Object.keys(method.nextSteps).sort(), method.id).toEqual([
        'baseline',
        'intervention',
        'measures',
        'question',
        'reflections',
      ]);
    }
  });

  it('gives each method flag one meaning: methods that share a flag write the same answer', () => {
    for (const flag of methodFlags()) {
      const targets = new Set(
        flag.methods.map((id) => {
          const prompt = methodById(id).cyclePrompts.find((p) => p.flag?.name === flag.name);
          return `${prompt?.record ?? 'question'}:${prompt?.name}`;
        }),
      );
      expect(targets.size, `--${flag.name}`).toBe(1);
    }
  });
});
