// The operation table scripts/generate-cliniko.js generates from specs/cliniko-openapi.yaml, kept as
// JSON (spec.json): n8n parses it at every start, and JSON parses several times faster than the same
// object written as code (issue 17: cold load). This file only gives it its types.
import type { SpecField, SpecOperation, SpecResource } from '../resources/types';
import spec from './spec.json';

export const specResources = spec.resources as SpecResource[];

export const specBodies = spec.bodies as unknown as Record<string, SpecField[]>;

export const specOperations = spec.operations as unknown as SpecOperation[];
