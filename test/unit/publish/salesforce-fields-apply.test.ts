// The verdicts of applying Salesforce field changes that the emulator cannot be made to give (a describe that
// disagrees with the definition, a field of another type, a global value set), over an in-process org of our
// own interface. The wire is tested in test/contract/sync/publish-salesforce-fields.test.ts.

import { strict as assert } from 'node:assert';
import type { CustomFieldMetadata, MetadataSaveResult, SalesforceField, SalesforceObjectSchema, SalesforceOrg } from '../../../server/src/salesforce';
import { applySalesforceFieldChanges } from '../../../server/src/publish/salesforce-fields-apply';
import type { SalesforceFieldChange } from '../../../server/src/publish/salesforce-fields';

function describeField(name: string, type: string, values: [string, boolean][] = []): SalesforceField {
  return { name, label: name, type, length: 0, nillable: true, createable: true, updateable: true, defaultedOnCreate: false, requiredForCreate: false, custom: true, picklistValues: values.map(([value, active]) => ({ value, label: value, active, defaultValue: false })), referenceTo: [] };
}

/** An org holding definitions by full name; saving stores the component; describe shows `shown` (or the definitions' fields). */
class PaperOrg {
  readonly definitions = new Map<string, CustomFieldMetadata>();
  readonly saved: CustomFieldMetadata[] = [];
  shown: SalesforceField[] | undefined;

  asOrg(): SalesforceOrg {
    return {
      instanceUrl: 'https://paper.example', version: '62.0',
      describe: async (object: string): Promise<SalesforceObjectSchema> => ({ name: object, label: object, fields: this.shown ?? [] }),
      queryAll: () => { throw new Error('not used'); },
      countWhere: async () => 0,
      findByEmails: async () => [],
      apiUsage: () => undefined,
      readCustomFields: async (names) => new Map(names.flatMap((n) => (this.definitions.has(n.toLowerCase()) ? [[n.toLowerCase(), structuredClone(this.definitions.get(n.toLowerCase())!)]] : []))),
      createCustomField: async (field) => this.save(field),
      updateCustomField: async (field) => this.save(field),
    };
  }

  private save(field: CustomFieldMetadata): MetadataSaveResult {
    this.saved.push(field);
    this.definitions.set(field.fullName.toLowerCase(), structuredClone(field));
    return { fullName: field.fullName, success: true, errors: [] };
  }
}

const addValues = (values: string[]): SalesforceFieldChange => ({ kind: 'add-picklist-values', object: 'Lead', field: 'Tier__c', properties: ['tier'], values: values.map((v) => ({ value: v, label: v })), text: 'add' });
const tier = (values: [string, boolean][]): CustomFieldMetadata => ({ fullName: 'Lead.Tier__c', label: 'Tier', type: 'Picklist', valueSet: { restricted: true, valueSetDefinition: { sorted: false, value: values.map(([v, active]) => ({ fullName: v, label: v, default: false, ...(active ? {} : { isActive: false }) })) } } });
const createText: SalesforceFieldChange = { kind: 'create-field', object: 'Lead', field: 'Code__c', properties: ['code'], values: [], definition: { fullName: 'Lead.Code__c', label: 'Code', type: 'Text', length: 255 }, describeType: 'string', text: 'create' };

describe('applying Salesforce field changes: the verdicts', () => {
  it('an inactive value is reactivated, not added twice; the update carries every value the field had', async () => {
    const paper = new PaperOrg();
    paper.definitions.set('lead.tier__c', tier([['Gold', true], ['Silver', false]]));
    paper.shown = [describeField('Tier__c', 'picklist', [['Gold', true], ['Silver', true], ['Platinum', true]])];
    const [outcome] = await applySalesforceFieldChanges(paper.asOrg(), [addValues(['silver', 'Platinum'])]);
    assert.deepEqual([outcome.result, outcome.message], ['done', 'added "Platinum"; reactivated "Silver"']);
    assert.deepEqual(paper.saved[0].valueSet?.valueSetDefinition?.value?.map((v) => [v.fullName, v.isActive ?? true]), [['Gold', true], ['Silver', true], ['Platinum', true]]);
  });

  it('a describe that does not show the values written is a failure, though the definition has them', async () => {
    const paper = new PaperOrg();
    paper.definitions.set('lead.tier__c', tier([['Gold', true]]));
    paper.shown = [describeField('Tier__c', 'picklist', [['Gold', true]])];
    const [outcome] = await applySalesforceFieldChanges(paper.asOrg(), [addValues(['Platinum'])]);
    assert.deepEqual([outcome.result, outcome.message], ['failed', 'added "Platinum", but Salesforce\'s describe of Lead does not show "Platinum" among Tier__c\'s active values']);
  });

  it('a created field that describe shows with another type is a failure', async () => {
    const paper = new PaperOrg();
    paper.shown = [describeField('Code__c', 'textarea')];
    const [outcome] = await applySalesforceFieldChanges(paper.asOrg(), [createText]);
    assert.deepEqual([outcome.result, outcome.message], ['failed', 'Salesforce\'s describe of Lead shows Code__c as textarea, not string']);
  });

  it('a field that exists with another type is never changed', async () => {
    const paper = new PaperOrg();
    paper.definitions.set('lead.code__c', { fullName: 'Lead.Code__c', label: 'Code', type: 'Number', precision: 18, scale: 0 });
    const [outcome] = await applySalesforceFieldChanges(paper.asOrg(), [createText]);
    assert.deepEqual([outcome.result, outcome.message, paper.saved.length], ['failed', 'Lead.Code__c exists already as Number, not Text; hslist does not change a field\'s type', 0]);
  });

  it('a picklist on a global value set is not changed; a field gone since the plan is a failure', async () => {
    const paper = new PaperOrg();
    paper.definitions.set('lead.tier__c', { fullName: 'Lead.Tier__c', label: 'Tier', type: 'Picklist', valueSet: { valueSetName: 'Tiers' } });
    const [global] = await applySalesforceFieldChanges(paper.asOrg(), [addValues(['Platinum'])]);
    assert.deepEqual([global.result, global.message, paper.saved.length], ['failed', 'Lead.Tier__c takes its values from the global value set Tiers; hslist does not change it', 0]);
    paper.definitions.clear();
    const [gone] = await applySalesforceFieldChanges(paper.asOrg(), [addValues(['Platinum'])]);
    assert.match(gone.message ?? '', /^the definition of Lead\.Tier__c cannot be read/);
  });
});
