/** ECR as the model sees it: the `ecr.repositories` slice of each region. */
import type { EcrRepository } from '../../../src/state/ecr.js';
import type { ModelContext, ServiceModel } from './index.js';

type Repo = { -readonly [K in keyof EcrRepository]: EcrRepository[K] };

export const ecr: ServiceModel = {
  PutImageScanningConfiguration(m: ModelContext, input) {
    const repo = m.regional<Repo[]>('ecr.repositories').find((r) => r.name === input.repositoryName);
    if (!repo) throw m.error('RepositoryNotFoundException', `The repository with name '${input.repositoryName}' does not exist in the registry with id '${m.account}'`);
    repo.scanOnPush = input.imageScanningConfiguration?.scanOnPush === true;
    return { registryId: m.account, repositoryName: repo.name, imageScanningConfiguration: { scanOnPush: repo.scanOnPush } };
  },
};
