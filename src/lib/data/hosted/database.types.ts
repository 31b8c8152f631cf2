// Generated from supabase/migrations by `npm run db:types`. Do not edit by hand:
// a database test fails when this file and the migrations disagree.

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	public: {
		Tables: {
			area_figures: {
				Row: {
					age_0_14: number | null;
					age_15_24: number | null;
					age_25_44: number | null;
					age_45_64: number | null;
					age_65_plus: number | null;
					area_id: string;
					households: number | null;
					inhabitants: number | null;
					low_income_share: number | null;
					source: string | null;
					year: number;
				};
				Insert: {
					age_0_14?: number | null;
					age_15_24?: number | null;
					age_25_44?: number | null;
					age_45_64?: number | null;
					age_65_plus?: number | null;
					area_id: string;
					households?: number | null;
					inhabitants?: number | null;
					low_income_share?: number | null;
					source?: string | null;
					year: number;
				};
				Update: {
					age_0_14?: number | null;
					age_15_24?: number | null;
					age_25_44?: number | null;
					age_45_64?: number | null;
					age_65_plus?: number | null;
					area_id?: string;
					households?: number | null;
					inhabitants?: number | null;
					low_income_share?: number | null;
					source?: string | null;
					year?: number;
				};
				Relationships: [];
			};
			areas: {
				Row: {
					boundary: Json | null;
					bounds: number[] | null;
					cbs_code: string | null;
					id: string;
					level: string;
					name: string;
					parent_id: string | null;
					source: string | null;
				};
				Insert: {
					boundary?: Json | null;
					bounds?: never;
					cbs_code?: string | null;
					id: string;
					level: string;
					name: string;
					parent_id?: string | null;
					source?: string | null;
				};
				Update: {
					boundary?: Json | null;
					bounds?: never;
					cbs_code?: string | null;
					id?: string;
					level?: string;
					name?: string;
					parent_id?: string | null;
					source?: string | null;
				};
				Relationships: [];
			};
			atlas_roles: {
				Row: {
					area_id: string | null;
					created_at: string;
					id: number;
					role: string;
					user_id: string;
				};
				Insert: {
					area_id?: string | null;
					created_at?: string;
					id: number;
					role: string;
					user_id: string;
				};
				Update: {
					area_id?: string | null;
					created_at?: string;
					id?: number;
					role?: string;
					user_id?: string;
				};
				Relationships: [];
			};
			audit_log: {
				Row: {
					action: string;
					actor_id: string | null;
					after: Json | null;
					at: string;
					before: Json | null;
					id: number;
					organisation_ids: string[];
					record_id: string;
					table_name: string;
					transaction_id: number;
				};
				Insert: {
					action: string;
					actor_id?: string | null;
					after?: Json | null;
					at?: string;
					before?: Json | null;
					id: number;
					organisation_ids: string[];
					record_id: string;
					table_name: string;
					transaction_id?: number;
				};
				Update: {
					action?: string;
					actor_id?: string | null;
					after?: Json | null;
					at?: string;
					before?: Json | null;
					id?: number;
					organisation_ids?: string[];
					record_id?: string;
					table_name?: string;
					transaction_id?: number;
				};
				Relationships: [];
			};
			collaboration_kinds: {
				Row: {
					id: string;
					sort_order: number;
				};
				Insert: {
					id: string;
					sort_order: number;
				};
				Update: {
					id?: string;
					sort_order?: number;
				};
				Relationships: [];
			};
			collaborations: {
				Row: {
					confirmed_at: string;
					created_at: string;
					description: string;
					ended_on: string | null;
					ended_precision: string | null;
					id: string;
					is_illustrative: boolean;
					kind: string;
					proposed_by: string | null;
					source: string | null;
					source_id: string;
					started_on: string | null;
					started_precision: string | null;
					status: string;
					target_id: string;
					updated_at: string;
				};
				Insert: {
					confirmed_at?: string;
					created_at?: string;
					description?: string;
					ended_on?: string | null;
					ended_precision?: string | null;
					id?: string;
					is_illustrative?: boolean;
					kind: string;
					proposed_by?: string | null;
					source?: string | null;
					source_id: string;
					started_on?: string | null;
					started_precision?: string | null;
					status?: string;
					target_id: string;
					updated_at?: string;
				};
				Update: {
					confirmed_at?: string;
					created_at?: string;
					description?: string;
					ended_on?: string | null;
					ended_precision?: string | null;
					id?: string;
					is_illustrative?: boolean;
					kind?: string;
					proposed_by?: string | null;
					source?: string | null;
					source_id?: string;
					started_on?: string | null;
					started_precision?: string | null;
					status?: string;
					target_id?: string;
					updated_at?: string;
				};
				Relationships: [];
			};
			contact_people: {
				Row: {
					created_at: string;
					email: string | null;
					id: string;
					name: string;
					opted_in_public: boolean;
					organisation_id: string;
					phone: string | null;
					role: string | null;
				};
				Insert: {
					created_at?: string;
					email?: string | null;
					id?: string;
					name: string;
					opted_in_public?: boolean;
					organisation_id: string;
					phone?: string | null;
					role?: string | null;
				};
				Update: {
					created_at?: string;
					email?: string | null;
					id?: string;
					name?: string;
					opted_in_public?: boolean;
					organisation_id?: string;
					phone?: string | null;
					role?: string | null;
				};
				Relationships: [];
			};
			import_batches: {
				Row: {
					created_at: string;
					created_by: string;
					id: string;
					label: string;
					summary: Json;
					transaction_id: number;
					undone_at: string | null;
					undone_by: string | null;
				};
				Insert: {
					created_at?: string;
					created_by: string;
					id?: string;
					label: string;
					summary?: Json;
					transaction_id: number;
					undone_at?: string | null;
					undone_by?: string | null;
				};
				Update: {
					created_at?: string;
					created_by?: string;
					id?: string;
					label?: string;
					summary?: Json;
					transaction_id?: number;
					undone_at?: string | null;
					undone_by?: string | null;
				};
				Relationships: [];
			};
			import_pending_ties: {
				Row: {
					batch_id: string;
					created_at: string;
					description: string;
					id: string;
					kind: string;
					organisation_id: string;
					organisation_is_source: boolean;
					other_name: string;
				};
				Insert: {
					batch_id: string;
					created_at?: string;
					description?: string;
					id?: string;
					kind: string;
					organisation_id: string;
					organisation_is_source: boolean;
					other_name: string;
				};
				Update: {
					batch_id?: string;
					created_at?: string;
					description?: string;
					id?: string;
					kind?: string;
					organisation_id?: string;
					organisation_is_source?: boolean;
					other_name?: string;
				};
				Relationships: [];
			};
			invitations: {
				Row: {
					accepted_at: string | null;
					accepted_by: string | null;
					created_at: string;
					email: string;
					id: string;
					invited_by: string | null;
					organisation_id: string;
					role: string;
				};
				Insert: {
					accepted_at?: string | null;
					accepted_by?: string | null;
					created_at?: string;
					email: string;
					id?: string;
					invited_by?: string | null;
					organisation_id: string;
					role?: string;
				};
				Update: {
					accepted_at?: string | null;
					accepted_by?: string | null;
					created_at?: string;
					email?: string;
					id?: string;
					invited_by?: string | null;
					organisation_id?: string;
					role?: string;
				};
				Relationships: [];
			};
			meeting_times: {
				Row: {
					organisation_id: string;
					part_of_day: string;
					weekday: number;
				};
				Insert: {
					organisation_id: string;
					part_of_day: string;
					weekday: number;
				};
				Update: {
					organisation_id?: string;
					part_of_day?: string;
					weekday?: number;
				};
				Relationships: [];
			};
			memberships: {
				Row: {
					created_at: string;
					organisation_id: string;
					role: string;
					user_id: string;
				};
				Insert: {
					created_at?: string;
					organisation_id: string;
					role?: string;
					user_id: string;
				};
				Update: {
					created_at?: string;
					organisation_id?: string;
					role?: string;
					user_id?: string;
				};
				Relationships: [];
			};
			organisation_kinds: {
				Row: {
					id: string;
					kind_group: string;
					sort_order: number;
				};
				Insert: {
					id: string;
					kind_group: string;
					sort_order: number;
				};
				Update: {
					id?: string;
					kind_group?: string;
					sort_order?: number;
				};
				Relationships: [];
			};
			organisation_themes: {
				Row: {
					organisation_id: string;
					theme_id: string;
				};
				Insert: {
					organisation_id: string;
					theme_id: string;
				};
				Update: {
					organisation_id?: string;
					theme_id?: string;
				};
				Relationships: [];
			};
			organisations: {
				Row: {
					address: string | null;
					area_id: string | null;
					city: string | null;
					confirmed_at: string;
					created_at: string;
					created_by: string | null;
					description: string;
					email: string | null;
					ended_on: string | null;
					ended_precision: string | null;
					help_wanted: string[];
					id: string;
					is_illustrative: boolean;
					join_next_step: string | null;
					kind: string;
					languages: string[];
					lat: number | null;
					lng: number | null;
					location_precision: string;
					meeting_place: string | null;
					meeting_times: string | null;
					name: string;
					open_to_newcomers: boolean;
					phone: string | null;
					postcode: string | null;
					search_body: string | null;
					search_name: string | null;
					slug: string;
					source: string | null;
					started_on: string | null;
					started_precision: string | null;
					status: string;
					text_language: string;
					updated_at: string;
					version: number;
					website: string | null;
				};
				Insert: {
					address?: string | null;
					area_id?: string | null;
					city?: string | null;
					confirmed_at?: string;
					created_at?: string;
					created_by?: string | null;
					description?: string;
					email?: string | null;
					ended_on?: string | null;
					ended_precision?: string | null;
					help_wanted?: string[];
					id?: string;
					is_illustrative?: boolean;
					join_next_step?: string | null;
					kind: string;
					languages?: string[];
					lat?: number | null;
					lng?: number | null;
					location_precision?: string;
					meeting_place?: string | null;
					meeting_times?: string | null;
					name: string;
					open_to_newcomers?: boolean;
					phone?: string | null;
					postcode?: string | null;
					search_body?: never;
					search_name?: never;
					slug: string;
					source?: string | null;
					started_on?: string | null;
					started_precision?: string | null;
					status?: string;
					text_language?: string;
					updated_at?: string;
					version?: number;
					website?: string | null;
				};
				Update: {
					address?: string | null;
					area_id?: string | null;
					city?: string | null;
					confirmed_at?: string;
					created_at?: string;
					created_by?: string | null;
					description?: string;
					email?: string | null;
					ended_on?: string | null;
					ended_precision?: string | null;
					help_wanted?: string[];
					id?: string;
					is_illustrative?: boolean;
					join_next_step?: string | null;
					kind?: string;
					languages?: string[];
					lat?: number | null;
					lng?: number | null;
					location_precision?: string;
					meeting_place?: string | null;
					meeting_times?: string | null;
					name?: string;
					open_to_newcomers?: boolean;
					phone?: string | null;
					postcode?: string | null;
					search_body?: never;
					search_name?: never;
					slug?: string;
					source?: string | null;
					started_on?: string | null;
					started_precision?: string | null;
					status?: string;
					text_language?: string;
					updated_at?: string;
					version?: number;
					website?: string | null;
				};
				Relationships: [];
			};
			profiles: {
				Row: {
					created_at: string;
					display_name: string;
					id: string;
				};
				Insert: {
					created_at?: string;
					display_name: string;
					id: string;
				};
				Update: {
					created_at?: string;
					display_name?: string;
					id?: string;
				};
				Relationships: [];
			};
			programme_memberships: {
				Row: {
					confirmed_at: string;
					created_at: string;
					ended_on: string | null;
					ended_precision: string | null;
					id: string;
					is_illustrative: boolean;
					member_id: string;
					programme_id: string;
					role: string;
					source: string | null;
					started_on: string | null;
					started_precision: string | null;
					updated_at: string;
				};
				Insert: {
					confirmed_at?: string;
					created_at?: string;
					ended_on?: string | null;
					ended_precision?: string | null;
					id?: string;
					is_illustrative?: boolean;
					member_id: string;
					programme_id: string;
					role?: string;
					source?: string | null;
					started_on?: string | null;
					started_precision?: string | null;
					updated_at?: string;
				};
				Update: {
					confirmed_at?: string;
					created_at?: string;
					ended_on?: string | null;
					ended_precision?: string | null;
					id?: string;
					is_illustrative?: boolean;
					member_id?: string;
					programme_id?: string;
					role?: string;
					source?: string | null;
					started_on?: string | null;
					started_precision?: string | null;
					updated_at?: string;
				};
				Relationships: [];
			};
			programmes: {
				Row: {
					coordinator_id: string | null;
					created_at: string;
					kind: string;
					organisation_id: string;
					parent_id: string | null;
					updated_at: string;
				};
				Insert: {
					coordinator_id?: string | null;
					created_at?: string;
					kind?: string;
					organisation_id: string;
					parent_id?: string | null;
					updated_at?: string;
				};
				Update: {
					coordinator_id?: string | null;
					created_at?: string;
					kind?: string;
					organisation_id?: string;
					parent_id?: string | null;
					updated_at?: string;
				};
				Relationships: [];
			};
			suggestions: {
				Row: {
					address: string | null;
					area_id: string | null;
					created_at: string;
					decided_at: string | null;
					decided_by: string | null;
					decision_reason: string | null;
					description: string;
					email: string | null;
					honeypot: string | null;
					id: string;
					kind: string;
					lat: number;
					lng: number;
					name: string;
					organisation_id: string | null;
					status: string;
					submitter_note: string | null;
					theme_ids: string[];
					website: string | null;
				};
				Insert: {
					address?: string | null;
					area_id?: string | null;
					created_at?: string;
					decided_at?: string | null;
					decided_by?: string | null;
					decision_reason?: string | null;
					description?: string;
					email?: string | null;
					honeypot?: string | null;
					id?: string;
					kind?: string;
					lat: number;
					lng: number;
					name: string;
					organisation_id?: string | null;
					status?: string;
					submitter_note?: string | null;
					theme_ids?: string[];
					website?: string | null;
				};
				Update: {
					address?: string | null;
					area_id?: string | null;
					created_at?: string;
					decided_at?: string | null;
					decided_by?: string | null;
					decision_reason?: string | null;
					description?: string;
					email?: string | null;
					honeypot?: string | null;
					id?: string;
					kind?: string;
					lat?: number;
					lng?: number;
					name?: string;
					organisation_id?: string | null;
					status?: string;
					submitter_note?: string | null;
					theme_ids?: string[];
					website?: string | null;
				};
				Relationships: [];
			};
			themes: {
				Row: {
					id: string;
					sort_order: number;
				};
				Insert: {
					id: string;
					sort_order: number;
				};
				Update: {
					id?: string;
					sort_order?: number;
				};
				Relationships: [];
			};
		};
		Views: { [_ in never]: never };
		Functions: {
			accept_suggestion: { Args: { area_id?: string; suggestion_id: string }; Returns: Json };
			add_member: { Args: { member_role?: string; organisation_id: string; user_id: string }; Returns: Json };
			area_boundaries: { Args: Record<PropertyKey, never>; Returns: Json };
			area_network: { Args: { area_ids?: string[]; as_of?: string; kind_ids?: string[]; language_ids?: string[]; level?: string; open_only?: boolean; programme_ids?: string[]; query?: string; theme_ids?: string[] }; Returns: Json };
			atlas: { Args: { area_ids?: string[]; as_of?: string; east?: number; kind_ids?: string[]; language_ids?: string[]; max_collaborations?: number; max_organisations?: number; north?: number; open_only?: boolean; programme_ids?: string[]; query?: string; south?: number; theme_ids?: string[]; west?: number }; Returns: Json };
			atlas_role_history: { Args: { max_results?: number }; Returns: Json };
			atlas_role_list: { Args: Record<PropertyKey, never>; Returns: Json };
			claim_invitations: { Args: Record<PropertyKey, never>; Returns: Json };
			confirm_collaboration: { Args: { collaboration_id: string }; Returns: Json };
			confirm_organisation: { Args: { expected_version: number; organisation_slug: string }; Returns: Json };
			dismiss_pending_tie: { Args: { pending_tie_id: string }; Returns: Json };
			editable_organisations: { Args: Record<PropertyKey, never>; Returns: Json };
			end_collaboration: { Args: { collaboration_id: string }; Returns: Json };
			export_hsds: { Args: { organisation_ids?: string[] }; Returns: Json };
			export_murmurations: { Args: { atlas_url: string; organisation_ids?: string[] }; Returns: Json };
			export_organisations: { Args: { organisation_ids?: string[] }; Returns: Json };
			grant_coordinator: { Args: { area_id: string; user_id: string }; Returns: Json };
			import_areas: { Args: { batch: Json }; Returns: Json };
			import_organisations: { Args: { batch: Json }; Returns: Json };
			invite_member: { Args: { email: string; member_role?: string; organisation_id: string }; Returns: Json };
			join_suggestions: { Args: { from_lat: number; from_lng: number; language_ids?: string[]; max_results?: number; theme_ids?: string[]; time_slots?: string[]; travel?: string }; Returns: { distance_m: number; email: string; freshness: string; help_wanted: string[]; id: string; illustrative: boolean; join_next_step: string; kind: string; languages: string[]; lat: number; lng: number; matched_languages: string[]; matched_themes: string[]; matched_times: Json; meeting_place: string; meeting_times: string; meets: Json; name: string; open_to_newcomers: boolean; phone: string; score: number; slug: string; text_language: string; website: string }[] };
			known_people: { Args: Record<PropertyKey, never>; Returns: Json };
			latest_area_figures: { Args: Record<PropertyKey, never>; Returns: Json };
			map_view: { Args: { area_ids?: string[]; as_of?: string; east: number; kind_ids?: string[]; language_ids?: string[]; north: number; open_only?: boolean; programme_ids?: string[]; query?: string; south: number; theme_ids?: string[]; west: number; with_ties?: boolean; zoom: number }; Returns: Json };
			my_account: { Args: Record<PropertyKey, never>; Returns: Json };
			organisation_detail: { Args: { organisation_slug: string }; Returns: Json };
			organisation_for_edit: { Args: { organisation_slug: string }; Returns: Json };
			organisation_history: { Args: { organisation_slug: string }; Returns: Json };
			organisation_members: { Args: { organisation_id: string }; Returns: Json };
			pending_suggestions: { Args: Record<PropertyKey, never>; Returns: Json };
			pending_ties: { Args: { organisation_id: string }; Returns: Json };
			programme_detail: { Args: { programme_slug: string }; Returns: Json };
			programme_list: { Args: Record<PropertyKey, never>; Returns: Json };
			propose_collaboration: { Args: { collaboration_kind: string; description?: string; from_organisation: string; to_organisation: string }; Returns: Json };
			recent_imports: { Args: Record<PropertyKey, never>; Returns: Json };
			reference_data: { Args: Record<PropertyKey, never>; Returns: Json };
			reject_suggestion: { Args: { reason: string; suggestion_id: string }; Returns: Json };
			remove_member: { Args: { organisation_id: string; user_id: string }; Returns: Json };
			remove_programme_membership: { Args: { membership_id: string }; Returns: Json };
			restore_organisation_version: { Args: { expected_version: number; organisation_slug: string; version: number }; Returns: Json };
			save_organisation: { Args: { expected_version?: number; organisation: Json }; Returns: Json };
			save_programme: { Args: { coordinator_slug?: string; organisation_slug: string; parent_slug?: string; programme_kind: string }; Returns: Json };
			save_programme_membership: { Args: { ended_on?: string; ended_precision?: string; member_role?: string; member_slug: string; programme_slug: string; started_on?: string; started_precision?: string }; Returns: Json };
			search_organisations: { Args: { max_results?: number; query: string }; Returns: { id: string; illustrative: boolean; kind: string; lat: number; lng: number; name: string; score: number; slug: string }[] };
			set_collaboration_dates: { Args: { collaboration_id: string; ended_on?: string; ended_precision?: string; started_on: string; started_precision: string }; Returns: Json };
			set_organisation_status: { Args: { expected_version: number; organisation_id: string; status: string }; Returns: Json };
			stale_organisations: { Args: { max_results?: number }; Returns: Json };
			suggest_initiative: { Args: { suggestion: Json }; Returns: Json };
			undo_import: { Args: { batch_id: string }; Returns: Json };
			withdraw_invitation: { Args: { invitation_id: string }; Returns: Json };
			withdraw_role: { Args: { role_id: number }; Returns: Json };
		};
		Enums: { [_ in never]: never };
		CompositeTypes: { [_ in never]: never };
	};
};
