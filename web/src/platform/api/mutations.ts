import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorMessage } from './client';

export interface WriteOptions<Input, Output> {
  /** What a notification says after the write; none when absent. */
  success?: string | ((output: Output, input: Input) => string);
  onSuccess?: (output: Output, input: Input) => void;
  /** Forms show their own errors; buttons without a form ask for a notification instead. */
  notifyErrors?: boolean;
}

/**
 * A write that refreshes everything under `refreshes` when it succeeds (a feature passes its root
 * key, so every list and page of that feature on screen shows the change), says what happened,
 * or why it failed.
 */
export function useRefreshingMutation<Input, Output>(refreshes: QueryKey, mutationFn: (input: Input) => Promise<Output>, options: WriteOptions<Input, Output> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (output, input) => {
      options.onSuccess?.(output, input);
      const message = typeof options.success === 'function' ? options.success(output, input) : options.success;
      if (message) notifications.show({ color: 'cairn', message });
      await queryClient.invalidateQueries({ queryKey: refreshes });
    },
    onError: (error) => {
      if (options.notifyErrors) notifications.show({ color: 'red', title: 'That did not work', message: errorMessage(error) });
    },
  });
}
