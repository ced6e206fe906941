import { useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { DocumentRecipientsDocument, RegisterDocumentDocument } from '@cc/shared/operations';
import { ElMessage } from 'element-plus';
import { i18n } from '../../../app/i18n';
import { useFormMutation } from '../../../app/use-form-mutation';
import { UploadRefused, uploadAttachment, type UploadedAttachment } from './upload-attachment';

/** Too large (413) or a kind not taken (415) in the console's words; anything else with the server's. */
function reportUploadError(name: string, error: unknown): void {
  const { t } = i18n.global;
  const status = error instanceof UploadRefused ? error.status : 0;
  const message =
    status === 413
      ? t('coordination.documents.dialog.uploadTooLarge', { name })
      : status === 415
        ? t('coordination.documents.dialog.uploadWrongType', { name })
        : t('coordination.documents.dialog.uploadFailed', { name, message: error instanceof Error ? error.message : String(error) });
  console.error(error);
  ElMessage({ type: 'error', message, showClose: true, duration: 8_000 });
}

/** Registers a document: its files go first through the upload route, then the register entry names them. */
export function useRegisterDocument() {
  const recipients = useQuery({ query: DocumentRecipientsDocument });
  const files = ref<UploadedAttachment[]>([]);
  const uploading = ref(false);

  async function addFiles(list: FileList | null): Promise<void> {
    if (!list?.length) return;
    uploading.value = true;
    try {
      for (const file of Array.from(list)) {
        try {
          files.value = [...files.value, await uploadAttachment(file)];
        } catch (error) {
          reportUploadError(file.name, error);
        }
      }
    } finally {
      uploading.value = false;
    }
  }

  return {
    units: computed(() => recipients.data.value?.documentRecipients.units ?? []),
    people: computed(() => recipients.data.value?.documentRecipients.people ?? []),
    files,
    uploading,
    addFiles,
    removeFile: (id: string) => void (files.value = files.value.filter((f) => f.id !== id)),
    ...useFormMutation(RegisterDocumentDocument, (data) => data.registerDocument, 'coordination.documents.dialog.fieldErrors'),
  };
}
