import type { INode } from 'n8n-workflow';

/**
 * The node a unit test hands to code that names its node in errors (NodeApiError,
 * NodeOperationError) or to a fake context's getNode().
 */
export function testNode(name = 'Test', type = 'n8n-nodes-saas-connectors.test'): INode {
	return { id: '1', name, type, typeVersion: 1, position: [0, 0], parameters: {} };
}
