// Generated from supabase/migrations by `npm run db:types`. Do not edit by hand:
// a database test fails when this file and the migrations disagree.

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	public: {
		Tables: {
			areas: {
				Row: {
					boundary: Json | null;
					cbs_code: string | null;
					id: string;
					level: string;
					name: string;
					parent_id: string | null;
					population: number | null;
					source: string | null;
				};
				Insert: {
					boundary?: Json | null;
					cbs_code?: string | null;
					id: string;
					level: string;
					name: string;
					parent_id?: string | null;
					population?: number | null;
					source?: string | null;
				};
				Update: {
					boundary?: Json | null;
					cbs_code?: string | null;
					id?: string;
					level?: string;
					name?: string;
					parent_id?: string | null;
					population?: number | null;
					source?: string | null;
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
					created_at: string;
					description: string;
					ended_on: string | null;
					id: string;
					is_illustrative: boolean;
					kind: string;
					source: string | null;
					source_id: string;
					started_on: string | null;
					status: string;
					target_id: string;
					updated_at: string;
				};
				Insert: {
					created_at?: string;
					description?: string;
					ended_on?: string | null;
					id?: string;
					is_illustrative?: boolean;
					kind: string;
					source?: string | null;
					source_id: string;
					started_on?: string | null;
					status?: string;
					target_id: string;
					updated_at?: string;
				};
				Update: {
					created_at?: string;
					description?: string;
					ended_on?: string | null;
					id?: string;
					is_illustrative?: boolean;
					kind?: string;
					source?: string | null;
					source_id?: string;
					started_on?: string | null;
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
					created_at: string;
					description: string;
					email: string | null;
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
					status: string;
					updated_at: string;
					website: string | null;
				};
				Insert: {
					address?: string | null;
					area_id?: string | null;
					city?: string | null;
					created_at?: string;
					description?: string;
					email?: string | null;
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
					status?: string;
					updated_at?: string;
					website?: string | null;
				};
				Update: {
					address?: string | null;
					area_id?: string | null;
					city?: string | null;
					created_at?: string;
					description?: string;
					email?: string | null;
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
					status?: string;
					updated_at?: string;
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
			area_boundaries: { Args: Record<PropertyKey, never>; Returns: Json };
			atlas: { Args: { area_ids?: string[]; east?: number; kind_ids?: string[]; language_ids?: string[]; north?: number; south?: number; theme_ids?: string[]; west?: number }; Returns: Json };
			join_suggestions: { Args: { from_lat: number; from_lng: number; language_ids?: string[]; max_results?: number; theme_ids?: string[]; time_slots?: string[]; travel?: string }; Returns: { distance_m: number; email: string; help_wanted: string[]; id: string; join_next_step: string; kind: string; lat: number; lng: number; matched_languages: string[]; matched_themes: string[]; matched_times: Json; meeting_place: string; meeting_times: string; name: string; open_to_newcomers: boolean; phone: string; score: number; slug: string; website: string }[] };
			organisation_detail: { Args: { organisation_slug: string }; Returns: Json };
			reference_data: { Args: Record<PropertyKey, never>; Returns: Json };
			search_organisations: { Args: { max_results?: number; query: string }; Returns: { id: string; kind: string; lat: number; lng: number; name: string; score: number; slug: string }[] };
		};
		Enums: { [_ in never]: never };
		CompositeTypes: { [_ in never]: never };
	};
};
