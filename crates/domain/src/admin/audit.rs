//! Audit log entries: who changed what, when, with the state before and after.

use crate::assessment::{AssessmentStatus, DecisionStatus};
use crate::codes::codes;
use crate::knowledge::import_job::JobState;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub org_id: Option<i64>,
    /// e.g. `sector.create`, `membership.update` ([`AuditAction`]).
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    /// JSON text of the state before the change (None for creations).
    pub before: Option<String>,
    /// JSON text of the state after the change (None for deletions).
    pub after: Option<String>,
}

impl AuditEntry {
    /// The action, if its code is known.
    pub fn audit_action(&self) -> Option<AuditAction> {
        AuditAction::parse(&self.action)
    }
}

codes! {
    /// Every action the store records in the audit log: `<entity>.<what>`, translated as
    /// `audit-<entity>-<what>`.
    pub enum AuditAction: "audit-" {
        OrganisationCreate = "organisation.create",
        SectorCreate = "sector.create",
        SectorUpdate = "sector.update",
        SectorDelete = "sector.delete",
        UserCreate = "user.create",
        UserInstanceAdmin = "user.instance_admin",
        MembershipCreate = "membership.create",
        InvitationCreate = "invitation.create",
        InvitationDecline = "invitation.decline",
        MembershipUpdate = "membership.update",
        MembershipDelete = "membership.delete",
        IndicatorUpdate = "indicator.update",
        ImportDone = "import.done",
        ImportFailed = "import.failed",
        ReportCreate = "report.create",
        ReportSectionUpdate = "report.section_update",
        ReportState = "report.state",
        ReportComment = "report.comment",
        ReportSectionAdd = "report.section_add",
        ReportSectionDelete = "report.section_delete",
        ReportCommentResolve = "report.comment_resolve",
        PlanPriorityCreate = "plan.priority_create",
        PlanGoalCreate = "plan.goal_create",
        PlanMeasureCreate = "plan.measure_create",
        PlanMeasureFollowUp = "plan.measure_follow_up",
        AssessmentDefaults = "assessment.defaults",
        TemplateCreate = "template.create",
        TemplateUpdate = "template.update",
        RuleCreate = "rule.create",
        RuleDelete = "rule.delete",
        DecisionCreate = "decision.create",
        DecisionUpdate = "decision.update",
        DecisionPreparing = "decision.preparing",
        DecisionAssessed = "decision.assessed",
        DecisionDecided = "decision.decided",
        DecisionFollowedUp = "decision.followed_up",
        AlternativeCreate = "alternative.create",
        AlternativeUpdate = "alternative.update",
        AlternativeDelete = "alternative.delete",
        AssessmentCreate = "assessment.create",
        AssessmentUpdate = "assessment.update",
        AssessmentDraft = "assessment.draft",
        AssessmentComplete = "assessment.complete",
        AssessmentRate = "assessment.rate",
        ParticipantCreate = "participant.create",
        ParticipantDelete = "participant.delete",
        AssessmentCite = "assessment.cite",
        AssessmentUncite = "assessment.uncite",
        ResponsibilityUpdate = "responsibility.update",
        DutyUpdate = "duty.update",
        GroupCreate = "group.create",
        GroupUpdate = "group.update",
        GroupMemberAdd = "group.member_add",
        GroupMemberRemove = "group.member_remove",
        MeetingCreate = "meeting.create",
        MeetingUpdate = "meeting.update",
        AgreementCreate = "agreement.create",
        AgreementDone = "agreement.done",
        AgreementReopen = "agreement.reopen",
        ContactSet = "contact.set",
        ContactRemove = "contact.remove",
        MaturitySave = "maturity.save",
        TaskCreate = "task.create",
        TaskUpdate = "task.update",
        TaskDelete = "task.delete",
        PlanPriorityUpdate = "plan.priority_update",
        PlanPriorityDelete = "plan.priority_delete",
        PlanGoalUpdate = "plan.goal_update",
        PlanGoalDelete = "plan.goal_delete",
        PlanMeasureUpdate = "plan.measure_update",
        PlanMeasureDelete = "plan.measure_delete",
        ReportStructureUpdate = "report.structure_update",
        PartnerCreate = "partner.create",
        PartnerUpdate = "partner.update",
        PartnerDelete = "partner.delete",
        ActivityCreate = "activity.create",
        ActivityUpdate = "activity.update",
        ActivityDelete = "activity.delete",
        GrantCallCreate = "grant_call.create",
        GrantCallUpdate = "grant_call.update",
        GrantApply = "grant.apply",
        GrantDecide = "grant.decide",
        GrantReport = "grant.report",
        PremisesCreate = "premises.create",
        PremisesUpdate = "premises.update",
        ProviderCreate = "provider.create",
        ProviderUpdate = "provider.update",
        ServiceCreate = "service.create",
        ServiceUpdate = "service.update",
        ContractCreate = "contract.create",
        ContractUpdate = "contract.update",
        CriterionCreate = "criterion.create",
        CriterionUpdate = "criterion.update",
        MonitoringSubmit = "monitoring.submit",
        MonitoringAccept = "monitoring.accept",
        MonitoringReturn = "monitoring.return",
        StrategyCreate = "strategy.create",
        StrategyUpdate = "strategy.update",
        StrategyApprove = "strategy.approve",
        StrategyNewVersion = "strategy.new_version",
        ParticipationCreate = "participation.create",
        FeedbackImport = "feedback.import",
        InterfaceCreate = "interface.create",
        InterfaceUpdate = "interface.update",
        InterfacePublish = "interface.publish",
        ChainStepCreate = "chain_step.create",
        ChainStepUpdate = "chain_step.update",
        ChainStepDelete = "chain_step.delete",
        ChainStepMove = "chain_step.move",
        DivisionOfWorkUpdate = "division_of_work.update",
        InterfaceAgreementCreate = "interface_agreement.create",
        InterfaceAgreementUpdate = "interface_agreement.update",
        InterfaceAgreementDocument = "interface_agreement.document",
        InterfaceIndicatorCreate = "interface_indicator.create",
        InterfaceIndicatorDelete = "interface_indicator.delete",
        InterfaceEvaluationUpdate = "interface_evaluation.update",
        NegotiationCreate = "negotiation.create",
        NegotiationUpdate = "negotiation.update",
        NegotiationActionCreate = "negotiation_action.create",
        NegotiationActionDone = "negotiation_action.done",
        SentReportCreate = "sent_report.create",
        SentReportAcknowledge = "sent_report.acknowledge",
        SentReportFeedback = "sent_report.feedback",
    }
}

impl AuditAction {
    /// The action recording a proposal's move to `status` (`decision.<status>`).
    pub fn decision(status: DecisionStatus) -> AuditAction {
        match status {
            DecisionStatus::Preparing => AuditAction::DecisionPreparing,
            DecisionStatus::Assessed => AuditAction::DecisionAssessed,
            DecisionStatus::Decided => AuditAction::DecisionDecided,
            DecisionStatus::FollowedUp => AuditAction::DecisionFollowedUp,
        }
    }

    /// The action recording an assessment's move to `status` (`assessment.<status>`).
    pub fn assessment(status: AssessmentStatus) -> AuditAction {
        match status {
            AssessmentStatus::Draft => AuditAction::AssessmentDraft,
            AssessmentStatus::Complete => AuditAction::AssessmentComplete,
        }
    }

    /// The action recording an import's end (`import.<state>`); none while it runs.
    pub fn import(state: JobState) -> Option<AuditAction> {
        match state {
            JobState::Running => None,
            JobState::Done => Some(AuditAction::ImportDone),
            JobState::Failed => Some(AuditAction::ImportFailed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_pinned() {
        crate::codes::assert_codes::<AuditAction>(&[
            "organisation.create",
            "sector.create",
            "sector.update",
            "sector.delete",
            "user.create",
            "user.instance_admin",
            "membership.create",
            "invitation.create",
            "invitation.decline",
            "membership.update",
            "membership.delete",
            "indicator.update",
            "import.done",
            "import.failed",
            "report.create",
            "report.section_update",
            "report.state",
            "report.comment",
            "report.section_add",
            "report.section_delete",
            "report.comment_resolve",
            "plan.priority_create",
            "plan.goal_create",
            "plan.measure_create",
            "plan.measure_follow_up",
            "assessment.defaults",
            "template.create",
            "template.update",
            "rule.create",
            "rule.delete",
            "decision.create",
            "decision.update",
            "decision.preparing",
            "decision.assessed",
            "decision.decided",
            "decision.followed_up",
            "alternative.create",
            "alternative.update",
            "alternative.delete",
            "assessment.create",
            "assessment.update",
            "assessment.draft",
            "assessment.complete",
            "assessment.rate",
            "participant.create",
            "participant.delete",
            "assessment.cite",
            "assessment.uncite",
            "responsibility.update",
            "duty.update",
            "group.create",
            "group.update",
            "group.member_add",
            "group.member_remove",
            "meeting.create",
            "meeting.update",
            "agreement.create",
            "agreement.done",
            "agreement.reopen",
            "contact.set",
            "contact.remove",
            "maturity.save",
            "task.create",
            "task.update",
            "task.delete",
            "plan.priority_update",
            "plan.priority_delete",
            "plan.goal_update",
            "plan.goal_delete",
            "plan.measure_update",
            "plan.measure_delete",
            "report.structure_update",
            "partner.create",
            "partner.update",
            "partner.delete",
            "activity.create",
            "activity.update",
            "activity.delete",
            "grant_call.create",
            "grant_call.update",
            "grant.apply",
            "grant.decide",
            "grant.report",
            "premises.create",
            "premises.update",
            "provider.create",
            "provider.update",
            "service.create",
            "service.update",
            "contract.create",
            "contract.update",
            "criterion.create",
            "criterion.update",
            "monitoring.submit",
            "monitoring.accept",
            "monitoring.return",
            "strategy.create",
            "strategy.update",
            "strategy.approve",
            "strategy.new_version",
            "participation.create",
            "feedback.import",
            "interface.create",
            "interface.update",
            "interface.publish",
            "chain_step.create",
            "chain_step.update",
            "chain_step.delete",
            "chain_step.move",
            "division_of_work.update",
            "interface_agreement.create",
            "interface_agreement.update",
            "interface_agreement.document",
            "interface_indicator.create",
            "interface_indicator.delete",
            "interface_evaluation.update",
            "negotiation.create",
            "negotiation.update",
            "negotiation_action.create",
            "negotiation_action.done",
            "sent_report.create",
            "sent_report.acknowledge",
            "sent_report.feedback",
        ]);
        assert_eq!(AuditAction::SectorCreate.as_str(), "sector.create");
        assert_eq!(AuditAction::SectorCreate.translation_key(), "audit-sector-create");
        assert_eq!(AuditAction::ReportSectionUpdate.translation_key(), "audit-report-section_update");
        assert_eq!(AuditAction::GrantCallCreate.translation_key(), "audit-grant_call-create");
        for s in DecisionStatus::ALL {
            assert_eq!(AuditAction::decision(s).as_str(), format!("decision.{s}"));
        }
        for s in AssessmentStatus::ALL {
            assert_eq!(AuditAction::assessment(s).as_str(), format!("assessment.{s}"));
        }
        for s in [JobState::Done, JobState::Failed] {
            assert_eq!(AuditAction::import(s).map(AuditAction::as_str), Some(format!("import.{s}")).as_deref());
        }
        assert_eq!(AuditAction::import(JobState::Running), None);
    }
}
