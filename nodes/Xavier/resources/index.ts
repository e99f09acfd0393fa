import type { OperationDef } from '../../shared/types';
import { clientOperations } from './client';

/** Every operation of the Xavier node: the table the executor and the catalogue read. */
export const xavierOperations: OperationDef[] = [...clientOperations];
