/**
 * A resource-locator parameter value as the editor stores it (`{ __rl, mode, value }`), for the
 * ID pickers of every node in every tier. Numbers become text, as the editor's ID field gives them.
 */
export const locator = (value: string | number, mode = 'id') => ({ __rl: true, mode, value: String(value) });
