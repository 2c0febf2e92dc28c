"""Contains all the data models used in inputs/outputs.

Each model is imported the first time it is used (PEP 562): importing an endpoint module loads only
the models that module uses, not all of them. Type checkers see every name through the imports below.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .admin_create_invite_body import AdminCreateInviteBody
    from .admin_create_invite_response_200 import AdminCreateInviteResponse200
    from .admin_create_user_body import AdminCreateUserBody
    from .admin_create_user_response_200 import AdminCreateUserResponse200
    from .admin_create_user_response_400 import AdminCreateUserResponse400
    from .admin_create_user_response_400_user_type_0 import (
        AdminCreateUserResponse400UserType0,
    )
    from .admin_is_multi_user_mode_response_200 import AdminIsMultiUserModeResponse200
    from .admin_list_invites_response_200 import AdminListInvitesResponse200
    from .admin_list_users_response_200 import AdminListUsersResponse200
    from .admin_list_workspace_chats_body import AdminListWorkspaceChatsBody
    from .admin_list_workspace_chats_response_200 import (
        AdminListWorkspaceChatsResponse200,
    )
    from .admin_list_workspace_users_response_200 import (
        AdminListWorkspaceUsersResponse200,
    )
    from .admin_manage_workspace_users_body import AdminManageWorkspaceUsersBody
    from .admin_manage_workspace_users_response_200 import (
        AdminManageWorkspaceUsersResponse200,
    )
    from .admin_manage_workspace_users_response_404 import (
        AdminManageWorkspaceUsersResponse404,
    )
    from .admin_update_preferences_body import AdminUpdatePreferencesBody
    from .admin_update_user_body import AdminUpdateUserBody
    from .admin_update_user_body_suspended import AdminUpdateUserBodySuspended
    from .admin_update_workspace_users_body import AdminUpdateWorkspaceUsersBody
    from .agent_output import AgentOutput
    from .api_error import ApiError
    from .attachment import Attachment
    from .auth_check_response_200 import AuthCheckResponse200
    from .chat_completion import ChatCompletion
    from .chat_completion_choice import ChatCompletionChoice
    from .chat_completion_choice_finish_reason import ChatCompletionChoiceFinishReason
    from .chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
    )
    from .chat_completion_message import ChatCompletionMessage
    from .chat_history import ChatHistory
    from .chat_history_message import ChatHistoryMessage
    from .chat_history_message_clarifying_questions_item import (
        ChatHistoryMessageClarifyingQuestionsItem,
    )
    from .chat_history_message_role import ChatHistoryMessageRole
    from .chat_mode import ChatMode
    from .chat_request import ChatRequest
    from .chat_response import ChatResponse
    from .chat_response_type import ChatResponseType
    from .collector_document import CollectorDocument
    from .document_accepted_file_types_response_200 import (
        DocumentAcceptedFileTypesResponse200,
    )
    from .document_accepted_file_types_response_200_types import (
        DocumentAcceptedFileTypesResponse200Types,
    )
    from .document_create_folder_body import DocumentCreateFolderBody
    from .document_folder import DocumentFolder
    from .document_folder_type import DocumentFolderType
    from .document_get_response_200 import DocumentGetResponse200
    from .document_limit_type_1 import DocumentLimitType1
    from .document_listing import DocumentListing
    from .document_metadata import DocumentMetadata
    from .document_metadata_schema_response_200 import DocumentMetadataSchemaResponse200
    from .document_metadata_schema_response_200_schema import (
        DocumentMetadataSchemaResponse200Schema,
    )
    from .document_move_files_body import DocumentMoveFilesBody
    from .document_move_files_body_files_item import DocumentMoveFilesBodyFilesItem
    from .document_remove_folder_body import DocumentRemoveFolderBody
    from .document_tree import DocumentTree
    from .document_tree_type import DocumentTreeType
    from .document_upload_form import DocumentUploadForm
    from .document_upload_link_body import DocumentUploadLinkBody
    from .document_upload_link_body_scraper_headers import (
        DocumentUploadLinkBodyScraperHeaders,
    )
    from .document_upload_raw_text_body import DocumentUploadRawTextBody
    from .document_upload_result import DocumentUploadResult
    from .embed_chat import EmbedChat
    from .embed_chat_list import EmbedChatList
    from .embed_chat_mode import EmbedChatMode
    from .embed_config import EmbedConfig
    from .embed_create_body import EmbedCreateBody
    from .embed_create_response_200 import EmbedCreateResponse200
    from .embed_list_response_200 import EmbedListResponse200
    from .embed_settings import EmbedSettings
    from .embed_summary import EmbedSummary
    from .embed_summary_workspace import EmbedSummaryWorkspace
    from .embed_update_body import EmbedUpdateBody
    from .embed_update_response_200 import EmbedUpdateResponse200
    from .embedding_item import EmbeddingItem
    from .embedding_list import EmbeddingList
    from .folder_page import FolderPage
    from .invite import Invite
    from .invite_status import InviteStatus
    from .message_response import MessageResponse
    from .metrics import Metrics
    from .open_ai_message import OpenAIMessage
    from .open_ai_message_content_type_1_item import OpenAIMessageContentType1Item
    from .open_ai_message_role import OpenAIMessageRole
    from .open_ai_model import OpenAIModel
    from .openai_chat_completions_body import OpenaiChatCompletionsBody
    from .openai_embeddings_body import OpenaiEmbeddingsBody
    from .openai_generate_image_body import OpenaiGenerateImageBody
    from .openai_generate_image_body_response_format import (
        OpenaiGenerateImageBodyResponseFormat,
    )
    from .openai_generate_image_response_200 import OpenaiGenerateImageResponse200
    from .openai_generate_image_response_200_data_item import (
        OpenaiGenerateImageResponse200DataItem,
    )
    from .openai_list_models_response_200 import OpenaiListModelsResponse200
    from .openai_list_vector_stores_response_200 import (
        OpenaiListVectorStoresResponse200,
    )
    from .picker_document import PickerDocument
    from .picker_document_type import PickerDocumentType
    from .source import Source
    from .stream_chunk import StreamChunk
    from .stream_chunk_text_response_type_1 import StreamChunkTextResponseType1
    from .stream_chunk_type import StreamChunkType
    from .success_message import SuccessMessage
    from .success_result import SuccessResult
    from .system_export_chats_type import SystemExportChatsType
    from .system_get_settings_response_200 import SystemGetSettingsResponse200
    from .system_remove_documents_body import SystemRemoveDocumentsBody
    from .system_settings import SystemSettings
    from .system_update_env_body import SystemUpdateEnvBody
    from .system_update_env_response_200 import SystemUpdateEnvResponse200
    from .system_update_env_response_200_new_values import (
        SystemUpdateEnvResponse200NewValues,
    )
    from .system_vector_count_response_200 import SystemVectorCountResponse200
    from .thread import Thread
    from .thread_chat_request import ThreadChatRequest
    from .thread_create_body import ThreadCreateBody
    from .thread_ref import ThreadRef
    from .thread_result import ThreadResult
    from .thread_update_body import ThreadUpdateBody
    from .user import User
    from .user_issue_auth_token_response_200 import UserIssueAuthTokenResponse200
    from .user_list_response_200 import UserListResponse200
    from .user_ref import UserRef
    from .user_role import UserRole
    from .user_summary import UserSummary
    from .vector_search_hit import VectorSearchHit
    from .vector_search_hit_metadata import VectorSearchHitMetadata
    from .vector_store import VectorStore
    from .vector_store_file_counts import VectorStoreFileCounts
    from .workspace import Workspace
    from .workspace_chat_history_order_by import WorkspaceChatHistoryOrderBy
    from .workspace_chat_mode import WorkspaceChatMode
    from .workspace_chat_row import WorkspaceChatRow
    from .workspace_chat_row_user import WorkspaceChatRowUser
    from .workspace_chat_row_workspace import WorkspaceChatRowWorkspace
    from .workspace_create_body import WorkspaceCreateBody
    from .workspace_document import WorkspaceDocument
    from .workspace_get_response_200 import WorkspaceGetResponse200
    from .workspace_list_item import WorkspaceListItem
    from .workspace_list_response_200 import WorkspaceListResponse200
    from .workspace_partial import WorkspacePartial
    from .workspace_partial_chat_mode import WorkspacePartialChatMode
    from .workspace_partial_vector_search_mode import WorkspacePartialVectorSearchMode
    from .workspace_result import WorkspaceResult
    from .workspace_settings import WorkspaceSettings
    from .workspace_settings_vector_search_mode import WorkspaceSettingsVectorSearchMode
    from .workspace_update_embeddings_body import WorkspaceUpdateEmbeddingsBody
    from .workspace_update_embeddings_response_200 import (
        WorkspaceUpdateEmbeddingsResponse200,
    )
    from .workspace_update_pin_body import WorkspaceUpdatePinBody
    from .workspace_update_pin_response_200 import WorkspaceUpdatePinResponse200
    from .workspace_update_response_200 import WorkspaceUpdateResponse200
    from .workspace_user import WorkspaceUser
    from .workspace_vector_search_body import WorkspaceVectorSearchBody
    from .workspace_vector_search_mode import WorkspaceVectorSearchMode
    from .workspace_vector_search_response_200 import WorkspaceVectorSearchResponse200
    from .workspace_with_details import WorkspaceWithDetails
    from .workspace_with_documents import WorkspaceWithDocuments

_MODULES = {
    "AdminCreateInviteBody": ".admin_create_invite_body",
    "AdminCreateInviteResponse200": ".admin_create_invite_response_200",
    "AdminCreateUserBody": ".admin_create_user_body",
    "AdminCreateUserResponse200": ".admin_create_user_response_200",
    "AdminCreateUserResponse400": ".admin_create_user_response_400",
    "AdminCreateUserResponse400UserType0": ".admin_create_user_response_400_user_type_0",
    "AdminIsMultiUserModeResponse200": ".admin_is_multi_user_mode_response_200",
    "AdminListInvitesResponse200": ".admin_list_invites_response_200",
    "AdminListUsersResponse200": ".admin_list_users_response_200",
    "AdminListWorkspaceChatsBody": ".admin_list_workspace_chats_body",
    "AdminListWorkspaceChatsResponse200": ".admin_list_workspace_chats_response_200",
    "AdminListWorkspaceUsersResponse200": ".admin_list_workspace_users_response_200",
    "AdminManageWorkspaceUsersBody": ".admin_manage_workspace_users_body",
    "AdminManageWorkspaceUsersResponse200": ".admin_manage_workspace_users_response_200",
    "AdminManageWorkspaceUsersResponse404": ".admin_manage_workspace_users_response_404",
    "AdminUpdatePreferencesBody": ".admin_update_preferences_body",
    "AdminUpdateUserBody": ".admin_update_user_body",
    "AdminUpdateUserBodySuspended": ".admin_update_user_body_suspended",
    "AdminUpdateWorkspaceUsersBody": ".admin_update_workspace_users_body",
    "AgentOutput": ".agent_output",
    "ApiError": ".api_error",
    "Attachment": ".attachment",
    "AuthCheckResponse200": ".auth_check_response_200",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChoice": ".chat_completion_choice",
    "ChatCompletionChoiceFinishReason": ".chat_completion_choice_finish_reason",
    "ChatCompletionChoiceLogprobsType0": ".chat_completion_choice_logprobs_type_0",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatHistory": ".chat_history",
    "ChatHistoryMessage": ".chat_history_message",
    "ChatHistoryMessageClarifyingQuestionsItem": ".chat_history_message_clarifying_questions_item",
    "ChatHistoryMessageRole": ".chat_history_message_role",
    "ChatMode": ".chat_mode",
    "ChatRequest": ".chat_request",
    "ChatResponse": ".chat_response",
    "ChatResponseType": ".chat_response_type",
    "CollectorDocument": ".collector_document",
    "DocumentAcceptedFileTypesResponse200": ".document_accepted_file_types_response_200",
    "DocumentAcceptedFileTypesResponse200Types": ".document_accepted_file_types_response_200_types",
    "DocumentCreateFolderBody": ".document_create_folder_body",
    "DocumentFolder": ".document_folder",
    "DocumentFolderType": ".document_folder_type",
    "DocumentGetResponse200": ".document_get_response_200",
    "DocumentLimitType1": ".document_limit_type_1",
    "DocumentListing": ".document_listing",
    "DocumentMetadata": ".document_metadata",
    "DocumentMetadataSchemaResponse200": ".document_metadata_schema_response_200",
    "DocumentMetadataSchemaResponse200Schema": ".document_metadata_schema_response_200_schema",
    "DocumentMoveFilesBody": ".document_move_files_body",
    "DocumentMoveFilesBodyFilesItem": ".document_move_files_body_files_item",
    "DocumentRemoveFolderBody": ".document_remove_folder_body",
    "DocumentTree": ".document_tree",
    "DocumentTreeType": ".document_tree_type",
    "DocumentUploadForm": ".document_upload_form",
    "DocumentUploadLinkBody": ".document_upload_link_body",
    "DocumentUploadLinkBodyScraperHeaders": ".document_upload_link_body_scraper_headers",
    "DocumentUploadRawTextBody": ".document_upload_raw_text_body",
    "DocumentUploadResult": ".document_upload_result",
    "EmbedChat": ".embed_chat",
    "EmbedChatList": ".embed_chat_list",
    "EmbedChatMode": ".embed_chat_mode",
    "EmbedConfig": ".embed_config",
    "EmbedCreateBody": ".embed_create_body",
    "EmbedCreateResponse200": ".embed_create_response_200",
    "EmbedListResponse200": ".embed_list_response_200",
    "EmbedSettings": ".embed_settings",
    "EmbedSummary": ".embed_summary",
    "EmbedSummaryWorkspace": ".embed_summary_workspace",
    "EmbedUpdateBody": ".embed_update_body",
    "EmbedUpdateResponse200": ".embed_update_response_200",
    "EmbeddingItem": ".embedding_item",
    "EmbeddingList": ".embedding_list",
    "FolderPage": ".folder_page",
    "Invite": ".invite",
    "InviteStatus": ".invite_status",
    "MessageResponse": ".message_response",
    "Metrics": ".metrics",
    "OpenAIMessage": ".open_ai_message",
    "OpenAIMessageContentType1Item": ".open_ai_message_content_type_1_item",
    "OpenAIMessageRole": ".open_ai_message_role",
    "OpenAIModel": ".open_ai_model",
    "OpenaiChatCompletionsBody": ".openai_chat_completions_body",
    "OpenaiEmbeddingsBody": ".openai_embeddings_body",
    "OpenaiGenerateImageBody": ".openai_generate_image_body",
    "OpenaiGenerateImageBodyResponseFormat": ".openai_generate_image_body_response_format",
    "OpenaiGenerateImageResponse200": ".openai_generate_image_response_200",
    "OpenaiGenerateImageResponse200DataItem": ".openai_generate_image_response_200_data_item",
    "OpenaiListModelsResponse200": ".openai_list_models_response_200",
    "OpenaiListVectorStoresResponse200": ".openai_list_vector_stores_response_200",
    "PickerDocument": ".picker_document",
    "PickerDocumentType": ".picker_document_type",
    "Source": ".source",
    "StreamChunk": ".stream_chunk",
    "StreamChunkTextResponseType1": ".stream_chunk_text_response_type_1",
    "StreamChunkType": ".stream_chunk_type",
    "SuccessMessage": ".success_message",
    "SuccessResult": ".success_result",
    "SystemExportChatsType": ".system_export_chats_type",
    "SystemGetSettingsResponse200": ".system_get_settings_response_200",
    "SystemRemoveDocumentsBody": ".system_remove_documents_body",
    "SystemSettings": ".system_settings",
    "SystemUpdateEnvBody": ".system_update_env_body",
    "SystemUpdateEnvResponse200": ".system_update_env_response_200",
    "SystemUpdateEnvResponse200NewValues": ".system_update_env_response_200_new_values",
    "SystemVectorCountResponse200": ".system_vector_count_response_200",
    "Thread": ".thread",
    "ThreadChatRequest": ".thread_chat_request",
    "ThreadCreateBody": ".thread_create_body",
    "ThreadRef": ".thread_ref",
    "ThreadResult": ".thread_result",
    "ThreadUpdateBody": ".thread_update_body",
    "User": ".user",
    "UserIssueAuthTokenResponse200": ".user_issue_auth_token_response_200",
    "UserListResponse200": ".user_list_response_200",
    "UserRef": ".user_ref",
    "UserRole": ".user_role",
    "UserSummary": ".user_summary",
    "VectorSearchHit": ".vector_search_hit",
    "VectorSearchHitMetadata": ".vector_search_hit_metadata",
    "VectorStore": ".vector_store",
    "VectorStoreFileCounts": ".vector_store_file_counts",
    "Workspace": ".workspace",
    "WorkspaceChatHistoryOrderBy": ".workspace_chat_history_order_by",
    "WorkspaceChatMode": ".workspace_chat_mode",
    "WorkspaceChatRow": ".workspace_chat_row",
    "WorkspaceChatRowUser": ".workspace_chat_row_user",
    "WorkspaceChatRowWorkspace": ".workspace_chat_row_workspace",
    "WorkspaceCreateBody": ".workspace_create_body",
    "WorkspaceDocument": ".workspace_document",
    "WorkspaceGetResponse200": ".workspace_get_response_200",
    "WorkspaceListItem": ".workspace_list_item",
    "WorkspaceListResponse200": ".workspace_list_response_200",
    "WorkspacePartial": ".workspace_partial",
    "WorkspacePartialChatMode": ".workspace_partial_chat_mode",
    "WorkspacePartialVectorSearchMode": ".workspace_partial_vector_search_mode",
    "WorkspaceResult": ".workspace_result",
    "WorkspaceSettings": ".workspace_settings",
    "WorkspaceSettingsVectorSearchMode": ".workspace_settings_vector_search_mode",
    "WorkspaceUpdateEmbeddingsBody": ".workspace_update_embeddings_body",
    "WorkspaceUpdateEmbeddingsResponse200": ".workspace_update_embeddings_response_200",
    "WorkspaceUpdatePinBody": ".workspace_update_pin_body",
    "WorkspaceUpdatePinResponse200": ".workspace_update_pin_response_200",
    "WorkspaceUpdateResponse200": ".workspace_update_response_200",
    "WorkspaceUser": ".workspace_user",
    "WorkspaceVectorSearchBody": ".workspace_vector_search_body",
    "WorkspaceVectorSearchMode": ".workspace_vector_search_mode",
    "WorkspaceVectorSearchResponse200": ".workspace_vector_search_response_200",
    "WorkspaceWithDetails": ".workspace_with_details",
    "WorkspaceWithDocuments": ".workspace_with_documents",
}

__all__ = (
    "AdminCreateInviteBody",
    "AdminCreateInviteResponse200",
    "AdminCreateUserBody",
    "AdminCreateUserResponse200",
    "AdminCreateUserResponse400",
    "AdminCreateUserResponse400UserType0",
    "AdminIsMultiUserModeResponse200",
    "AdminListInvitesResponse200",
    "AdminListUsersResponse200",
    "AdminListWorkspaceChatsBody",
    "AdminListWorkspaceChatsResponse200",
    "AdminListWorkspaceUsersResponse200",
    "AdminManageWorkspaceUsersBody",
    "AdminManageWorkspaceUsersResponse200",
    "AdminManageWorkspaceUsersResponse404",
    "AdminUpdatePreferencesBody",
    "AdminUpdateUserBody",
    "AdminUpdateUserBodySuspended",
    "AdminUpdateWorkspaceUsersBody",
    "AgentOutput",
    "ApiError",
    "Attachment",
    "AuthCheckResponse200",
    "ChatCompletion",
    "ChatCompletionChoice",
    "ChatCompletionChoiceFinishReason",
    "ChatCompletionChoiceLogprobsType0",
    "ChatCompletionMessage",
    "ChatHistory",
    "ChatHistoryMessage",
    "ChatHistoryMessageClarifyingQuestionsItem",
    "ChatHistoryMessageRole",
    "ChatMode",
    "ChatRequest",
    "ChatResponse",
    "ChatResponseType",
    "CollectorDocument",
    "DocumentAcceptedFileTypesResponse200",
    "DocumentAcceptedFileTypesResponse200Types",
    "DocumentCreateFolderBody",
    "DocumentFolder",
    "DocumentFolderType",
    "DocumentGetResponse200",
    "DocumentLimitType1",
    "DocumentListing",
    "DocumentMetadata",
    "DocumentMetadataSchemaResponse200",
    "DocumentMetadataSchemaResponse200Schema",
    "DocumentMoveFilesBody",
    "DocumentMoveFilesBodyFilesItem",
    "DocumentRemoveFolderBody",
    "DocumentTree",
    "DocumentTreeType",
    "DocumentUploadForm",
    "DocumentUploadLinkBody",
    "DocumentUploadLinkBodyScraperHeaders",
    "DocumentUploadRawTextBody",
    "DocumentUploadResult",
    "EmbedChat",
    "EmbedChatList",
    "EmbedChatMode",
    "EmbedConfig",
    "EmbedCreateBody",
    "EmbedCreateResponse200",
    "EmbeddingItem",
    "EmbeddingList",
    "EmbedListResponse200",
    "EmbedSettings",
    "EmbedSummary",
    "EmbedSummaryWorkspace",
    "EmbedUpdateBody",
    "EmbedUpdateResponse200",
    "FolderPage",
    "Invite",
    "InviteStatus",
    "MessageResponse",
    "Metrics",
    "OpenaiChatCompletionsBody",
    "OpenaiEmbeddingsBody",
    "OpenaiGenerateImageBody",
    "OpenaiGenerateImageBodyResponseFormat",
    "OpenaiGenerateImageResponse200",
    "OpenaiGenerateImageResponse200DataItem",
    "OpenaiListModelsResponse200",
    "OpenaiListVectorStoresResponse200",
    "OpenAIMessage",
    "OpenAIMessageContentType1Item",
    "OpenAIMessageRole",
    "OpenAIModel",
    "PickerDocument",
    "PickerDocumentType",
    "Source",
    "StreamChunk",
    "StreamChunkTextResponseType1",
    "StreamChunkType",
    "SuccessMessage",
    "SuccessResult",
    "SystemExportChatsType",
    "SystemGetSettingsResponse200",
    "SystemRemoveDocumentsBody",
    "SystemSettings",
    "SystemUpdateEnvBody",
    "SystemUpdateEnvResponse200",
    "SystemUpdateEnvResponse200NewValues",
    "SystemVectorCountResponse200",
    "Thread",
    "ThreadChatRequest",
    "ThreadCreateBody",
    "ThreadRef",
    "ThreadResult",
    "ThreadUpdateBody",
    "User",
    "UserIssueAuthTokenResponse200",
    "UserListResponse200",
    "UserRef",
    "UserRole",
    "UserSummary",
    "VectorSearchHit",
    "VectorSearchHitMetadata",
    "VectorStore",
    "VectorStoreFileCounts",
    "Workspace",
    "WorkspaceChatHistoryOrderBy",
    "WorkspaceChatMode",
    "WorkspaceChatRow",
    "WorkspaceChatRowUser",
    "WorkspaceChatRowWorkspace",
    "WorkspaceCreateBody",
    "WorkspaceDocument",
    "WorkspaceGetResponse200",
    "WorkspaceListItem",
    "WorkspaceListResponse200",
    "WorkspacePartial",
    "WorkspacePartialChatMode",
    "WorkspacePartialVectorSearchMode",
    "WorkspaceResult",
    "WorkspaceSettings",
    "WorkspaceSettingsVectorSearchMode",
    "WorkspaceUpdateEmbeddingsBody",
    "WorkspaceUpdateEmbeddingsResponse200",
    "WorkspaceUpdatePinBody",
    "WorkspaceUpdatePinResponse200",
    "WorkspaceUpdateResponse200",
    "WorkspaceUser",
    "WorkspaceVectorSearchBody",
    "WorkspaceVectorSearchMode",
    "WorkspaceVectorSearchResponse200",
    "WorkspaceWithDetails",
    "WorkspaceWithDocuments",
)


def __getattr__(name: str) -> Any:
    """Import the model ``name`` from its module on first use, then keep it here."""
    try:
        module = _MODULES[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
