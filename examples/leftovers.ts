import { RecordNotFoundError, type RecordId, type Repository } from 'dynamodb-decorators';

/**
 * Deletes records an earlier run left behind, when the examples point at a persistent
 * endpoint (DYNAMODB_ENDPOINT), so every run tells the same story.
 */
export async function removeLeftovers(repository: Repository<object>, ids: readonly RecordId[]): Promise<void> {
  const removed = await Promise.all(
    ids.map((id) =>
      repository.deleteRecord(id).then(
        () => 1,
        (error: unknown) => {
          if (error instanceof RecordNotFoundError) return 0;
          throw error;
        },
      ),
    ),
  );
  const count = removed.reduce((sum, one) => sum + one, 0);
  if (count > 0) console.log(`   (removed ${count} records left by an earlier run)`);
}
