// docs/integration.md's TypeScript example, type-checked against the generated client by `mvn -Ptypescript verify`
// (copied to <build>/typescript-check beside <build>/typescript-fetch).
import { Configuration, IntakeApi, SlaApi, Channel } from '@casegrid/client';

export async function reportAndReadSla(token: () => Promise<string>) {
  const config = new Configuration({ basePath: 'http://localhost:8080', accessToken: async () => token() });
  const reported = await new IntakeApi(config).reportCase({
    idempotencyKey: crypto.randomUUID(),
    caseReport: { channel: Channel.Hotline12345, categoryCode: 'FLY_WIRE_CHARGING', title: '飞线充电',
      description: '3号楼有住户飞线给电动车充电', location: { address: '东关社区3号楼', unitCode: '149901001001001' } },
  });
  const sla = await new SlaApi(config).getCaseSla({ caseId: reported.id });
  return sla.clocks;
}
