// The editor tier for n8n 2.x (the tests are in ./editor.ts; one file per version so both run at once).
import { describeEditor } from './editor';

describeEditor('n8n2');
